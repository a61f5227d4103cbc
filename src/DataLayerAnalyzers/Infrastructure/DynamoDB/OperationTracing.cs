using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    /// <summary>Small tracing helpers shared by the DynamoDB rules: where does a local or field get its value, what does a dictionary literal hold.</summary>
    internal static class OperationTracing
    {
        /// <summary>
        /// The expression a local (its initializer) or a field (its initializer, or its only assignment in the declaring
        /// type within the same file) is set from; the operation itself otherwise.
        /// </summary>
        public static IOperation? Source(IOperation? operation, CancellationToken cancellationToken)
        {
            var unwrapped = ValueResolver.Unwrap(operation);
            var model = unwrapped?.SemanticModel;
            if (model is null)
            {
                return unwrapped;
            }

            ISymbol? symbol = unwrapped switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };
            if (symbol is null)
            {
                return unwrapped;
            }

            ExpressionSyntax? found = null;
            var count = 0;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    return null;
                }

                var declarator = reference.GetSyntax(cancellationToken);
                if (declarator is VariableDeclaratorSyntax { Initializer: { } init })
                {
                    found = init.Value;
                    count++;
                }

                // Assignments: within the method for a local, within the declaring type for a field.
                var scope = symbol is IFieldSymbol
                    ? declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>()
                    : declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax || n is LocalFunctionStatementSyntax || n is CompilationUnitSyntax || n is AnonymousFunctionExpressionSyntax);
                if (scope is null)
                {
                    return null;
                }

                foreach (var node in scope.DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && NameOf(assignment.Left) == symbol.Name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, symbol))
                    {
                        found = assignment.Right;
                        count++;
                    }
                }
            }

            return count == 1 && found != null ? ValueResolver.Unwrap(model.GetOperation(found, cancellationToken)) : null;
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: { } name } => name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// Reads a dictionary built by a collection initializer (<c>{ { k, v } }</c> or <c>{ [k] = v }</c>), through a local.
        /// Keys must be compile-time strings. <paramref name="complete"/> is false when some entry could not be read.
        /// </summary>
        public static Dictionary<string, IOperation>? ReadDictionary(IOperation? value, out bool complete, CancellationToken cancellationToken)
        {
            complete = false;
            var source = Source(value, cancellationToken);
            if (source is not IObjectCreationOperation creation)
            {
                return null;
            }

            complete = true;
            var result = new Dictionary<string, IOperation>(System.StringComparer.Ordinal);
            if (creation.Initializer is null)
            {
                return result;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                IOperation? key = null, entry = null;
                switch (initializer)
                {
                    case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length == 2:
                        key = add.Arguments[0].Value;
                        entry = add.Arguments[1].Value;
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                        key = indexer.Arguments[0].Value;
                        entry = assignment.Value;
                        break;
                }

                if (key != null && entry != null && ValueResolver.TryResolveString(key, out var name, cancellationToken) && name.IsFullyKnown)
                {
                    result[name.Value] = entry;
                }
                else
                {
                    complete = false;
                }
            }

            return result;
        }

        /// <summary>The invocations on <paramref name="symbol"/> (a local) named <paramref name="methodName"/> in the method that holds <paramref name="use"/>, before it.</summary>
        public static List<IInvocationOperation> CallsOn(IOperation use, ISymbol symbol, string methodName)
        {
            var calls = new List<IInvocationOperation>();
            foreach (var operation in OperationIndex.Of(use).MembersNamed(methodName))
            {
                if (operation is IInvocationOperation invocation && invocation.TargetMethod.Name == methodName
                    && invocation.Syntax.SpanStart < use.Syntax.SpanStart
                    && ValueResolver.Unwrap(invocation.Instance) is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, symbol))
                {
                    calls.Add(invocation);
                }
            }

            return calls;
        }
    }
}
