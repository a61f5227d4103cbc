using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Who owns a connection held in a local: the method (it must release it) or someone else (returned, stored in a
    /// field, handed to a DbContext or any other constructor or method, captured by a lambda, attached to a reader with
    /// <c>CommandBehavior.CloseConnection</c>). Uses on the connection itself, commands built on it and Dapper-style
    /// extension calls keep it owned by the method.
    /// </summary>
    internal sealed class ConnectionOwnership
    {
        private readonly INamedTypeSymbol? _dbCommand;
        private readonly INamedTypeSymbol? _dbBatch;
        private readonly INamedTypeSymbol? _dbDataAdapter;
        private readonly INamedTypeSymbol? _commandBehavior;

        public ConnectionOwnership(Compilation compilation)
        {
            _dbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
            _dbBatch = compilation.GetTypeByMetadataName("System.Data.Common.DbBatch");
            _dbDataAdapter = compilation.GetTypeByMetadataName("System.Data.Common.DbDataAdapter");
            _commandBehavior = compilation.GetTypeByMetadataName("System.Data.CommandBehavior");
        }

        /// <summary>The local the created connection is stored in (<c>var c = new …</c>, <c>var c = await ds.OpenConnectionAsync()</c>).</summary>
        public static IVariableDeclaratorOperation? DeclaringLocal(IOperation created)
        {
            var value = created;
            while (value.Parent is IConversionOperation || value.Parent is IAwaitOperation || value.Parent is IParenthesizedOperation)
            {
                value = value.Parent;
            }

            return value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator : null;
        }

        public static bool IsUsingDeclared(IVariableDeclaratorOperation declarator)
        {
            var current = declarator.Parent;
            for (var i = 0; i < 3 && current != null; i++, current = current.Parent)
            {
                if (current is IUsingDeclarationOperation || current is IUsingOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The syntax of each place the connection is opened (the declaration itself when the creating call opens it);
        /// empty when the method does not own the connection or never opens it.
        /// </summary>
        public ImmutableArray<SyntaxNode> FindOpens(IVariableDeclaratorOperation declarator, bool opensItself, CancellationToken cancellationToken)
        {
            var local = declarator.Symbol;
            var function = EnclosingFunction(declarator);
            var index = OperationIndex.Of(declarator);
            foreach (var operation in index.MembersNamed("CloseConnection"))
            {
                if (operation is IFieldReferenceOperation field && field.Field.ContainingType.Is(_commandBehavior))
                {
                    return ImmutableArray<SyntaxNode>.Empty; // a reader will close it
                }
            }

            var opens = ImmutableArray.CreateBuilder<SyntaxNode>();
            if (opensItself)
            {
                opens.Add(declarator.Syntax);
            }

            foreach (var operation in index.ReferencesTo(local))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!(operation is ILocalReferenceOperation reference))
                {
                    continue;
                }

                if (EnclosingFunction(reference) != function)
                {
                    return ImmutableArray<SyntaxNode>.Empty; // captured: released elsewhere, maybe
                }

                IOperation use = reference;
                while (use.Parent is IConversionOperation || use.Parent is IParenthesizedOperation)
                {
                    use = use.Parent;
                }

                switch (use.Parent)
                {
                    case IInvocationOperation invocation when invocation.Instance == use:
                        if (invocation.TargetMethod.Name == "Open" || invocation.TargetMethod.Name == "OpenAsync")
                        {
                            opens.Add(invocation.Syntax);
                        }

                        break;
                    case IPropertyReferenceOperation property when property.Instance == use:
                    case IConditionalAccessOperation access when access.Operation == use:
                    case IBinaryOperation _:
                    case IIsNullOperation _:
                    case IIsPatternOperation _:
                        break;
                    case IArgumentOperation argument when IsNonOwningArgument(argument):
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Value == use
                        && assignment.Target is IPropertyReferenceOperation { Property: { Name: "Connection" }, Instance: { } instance }
                        && (instance.Type.IsOrDerivesFrom(_dbCommand) || instance.Type.IsOrDerivesFrom(_dbBatch)):
                        break;
                    default:
                        return ImmutableArray<SyntaxNode>.Empty; // returned, stored, reassigned, handed over
                }
            }

            return opens.ToImmutable();
        }

        private bool IsNonOwningArgument(IArgumentOperation argument)
        {
            switch (argument.Parent)
            {
                case IInvocationOperation invocation:
                    // Dapper and similar extension methods on the connection (this IDbConnection cnn).
                    return invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0;
                case IObjectCreationOperation creation:
                    return creation.Type.IsOrDerivesFrom(_dbCommand) || creation.Type.IsOrDerivesFrom(_dbBatch) || creation.Type.IsOrDerivesFrom(_dbDataAdapter);
                default:
                    return false;
            }
        }

        /// <summary>The graph of the function that declares the local (the method, or a lambda / local function in it).</summary>
        public static ControlFlowGraph? GraphFor(ControlFlowGraph root, IVariableDeclaratorOperation declarator, CancellationToken cancellationToken)
        {
            var chain = declarator.Syntax.Ancestors().Where(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax || n is Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax)
                .Reverse().ToList();
            var graph = root;
            foreach (var function in chain)
            {
                ControlFlowGraph? next = null;
                if (function is Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax)
                {
                    foreach (var symbol in graph.LocalFunctions)
                    {
                        if (symbol.DeclaringSyntaxReferences.Any(r => r.Span == function.Span && r.SyntaxTree == function.SyntaxTree))
                        {
                            next = graph.GetLocalFunctionControlFlowGraph(symbol, cancellationToken);
                            break;
                        }
                    }
                }
                else
                {
                    foreach (var block in graph.Blocks)
                    {
                        var operations = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
                        var flow = operations.SelectMany(o => o.DescendantsAndSelf()).OfType<IFlowAnonymousFunctionOperation>().FirstOrDefault(f => f.Syntax == function);
                        if (flow != null)
                        {
                            next = graph.GetAnonymousFunctionControlFlowGraph(flow, cancellationToken);
                            break;
                        }
                    }
                }

                if (next is null)
                {
                    return null;
                }

                graph = next;
            }

            return graph;
        }

        private static IOperation? EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }
    }
}
