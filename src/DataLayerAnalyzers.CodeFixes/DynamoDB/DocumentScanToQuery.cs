using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1001 fix, document model: <c>table.Scan(scanFilter)</c> becomes <c>table.Query(hashKey, queryFilter)</c>.</summary>
    internal static class DocumentScanToQuery
    {
        /// <summary>
        /// Document model: <c>var filter = new ScanFilter(); filter.AddCondition("DeviceId", ScanOperator.Equal, id); … table.Scan(filter)</c>
        /// → the filter becomes a <c>QueryFilter</c> without the key condition and the call <c>table.Query(new Primitive(id), filter)</c>.
        /// Only for a string (or Primitive) key value written as a variable, literal or member, and a filter used nowhere else.
        /// </summary>
        public static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax,
            ScanAnalysis scan, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var keys = scan.Keys!;
            if (invocation.Arguments.Length != 1 || !invocation.Arguments[0].Parameter!.Type.Is(symbols.ScanFilter)
                || invocationSyntax.ArgumentList.Arguments.Count != 1 || invocationSyntax.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax filterName
                || model.GetSymbolInfo(filterName, cancellationToken).Symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax { Initializer: null } filterCreation } declarator
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration)
            {
                return null;
            }

            var memberNode = invocationSyntax.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AccessorDeclarationSyntax);
            if (memberNode is null)
            {
                return null;
            }

            // Every use of the filter: AddCondition statements, or this Scan.
            var conditionStatements = new Dictionary<SyntaxNode, ExpressionStatementSyntax>();
            foreach (var identifier in memberNode.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier == filterName || identifier.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddCondition" } access && access.Expression == identifier
                    && access.Parent is InvocationExpressionSyntax call && call.Parent is ExpressionStatementSyntax statement && call.SpanStart < invocationSyntax.SpanStart)
                {
                    conditionStatements[call] = statement;
                    continue;
                }

                return null;
            }

            if (scan.Index != null)
            {
                return RewriteOnIndex(root, invocationSyntax, scan, declaration, filterCreation, conditionStatements);
            }

            ExpressionStatementSyntax? keyStatement = null;
            ExpressionSyntax? keyValue = null;
            foreach (var condition in scan.LegacyConditions)
            {
                if (!conditionStatements.TryGetValue(condition.Syntax, out var statement))
                {
                    return null;
                }

                if (condition.Attribute == keys.PartitionKey && keyStatement is null && condition.IsEquality
                    && condition.Syntax is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 3 } call)
                {
                    keyStatement = statement;
                    keyValue = call.ArgumentList.Arguments[2].Expression;
                }
                else if (condition.Attribute == keys.PartitionKey || condition.Attribute == keys.SortKey)
                {
                    return null;
                }
            }

            if (keyStatement is null || keyValue is null || conditionStatements.Count != scan.LegacyConditions.Length
                || keyValue is not (IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax))
            {
                return null;
            }

            var valueType = model.GetTypeInfo(keyValue, cancellationToken).Type;
            ExpressionSyntax hashKey;
            if (valueType?.SpecialType == SpecialType.System_String)
            {
                hashKey = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("Amazon.DynamoDBv2.DocumentModel.Primitive").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(keyValue.WithoutTrivia()))));
            }
            else if (valueType?.Name == "Primitive")
            {
                hashKey = keyValue.WithoutTrivia();
            }
            else
            {
                return null;
            }

            var renamedCall = DynamoDBFixSupport.Rename(invocationSyntax, "Query");
            var newDeclaration = AsQueryFilter(declaration, filterCreation);
            if (renamedCall is null || newDeclaration is null)
            {
                return null;
            }

            var newCall = renamedCall.WithArgumentList(renamedCall.ArgumentList.WithArguments(
                SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(hashKey), invocationSyntax.ArgumentList.Arguments[0] })));
            var edited = root.TrackNodes(declaration, keyStatement, invocationSyntax);
            edited = edited.ReplaceNode(edited.GetCurrentNode(invocationSyntax)!, newCall);
            edited = edited.ReplaceNode(edited.GetCurrentNode(declaration)!, newDeclaration);
            return edited.RemoveNode(edited.GetCurrentNode(keyStatement)!, SyntaxRemoveOptions.KeepNoTrivia);
        }

        /// <summary>
        /// A Query on a global secondary index: the filter becomes a <c>QueryFilter</c> that keeps every condition and the call
        /// <c>table.Query(new QueryOperationConfig { IndexName = "…", Filter = filter })</c>; the SDK moves the conditions on the
        /// index's keys into the key condition itself, using the index description of the <c>Table</c>, so the receiver must
        /// come from <c>LoadTable</c> (the real table's description) or a <c>TableBuilder</c> that adds this index.
        /// </summary>
        private static SyntaxNode? RewriteOnIndex(SyntaxNode root, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan,
            VariableDeclarationSyntax declaration, ObjectCreationExpressionSyntax filterCreation, Dictionary<SyntaxNode, ExpressionStatementSyntax> conditionStatements)
        {
            var index = scan.Index!;
            if (!scan.ReceiverDescribesTable && !scan.ReceiverIndexes.Contains(index.IndexName))
            {
                return null;
            }

            bool partition = false, sort = false;
            foreach (var condition in scan.LegacyConditions)
            {
                if (!conditionStatements.ContainsKey(condition.Syntax) || condition.Operator is null)
                {
                    return null;
                }

                if (condition.Attribute == index.PartitionKey)
                {
                    if (partition || !condition.IsEquality)
                    {
                        return null;
                    }

                    partition = true;
                }
                else if (index.SortKey != null && condition.Attribute == index.SortKey)
                {
                    if (sort || !KeyConditionOperators.Contains(condition.Operator))
                    {
                        return null;
                    }

                    sort = true;
                }
            }

            var renamedCall = DynamoDBFixSupport.Rename(invocationSyntax, "Query");
            var newDeclaration = AsQueryFilter(declaration, filterCreation);
            if (!partition || conditionStatements.Count != scan.LegacyConditions.Length || renamedCall is null || newDeclaration is null)
            {
                return null;
            }

            var config = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("Amazon.DynamoDBv2.DocumentModel.QueryOperationConfig").WithAdditionalAnnotations(Simplifier.Annotation))
                .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList<ExpressionSyntax>(new[]
                {
                    ScanToQuerySupport.IndexNameAssignment(index.IndexName),
                    SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Filter"), invocationSyntax.ArgumentList.Arguments[0].Expression.WithoutTrivia()),
                })));
            var newCall = renamedCall.WithArgumentList(renamedCall.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(config))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var edited = root.TrackNodes(declaration, invocationSyntax);
            edited = edited.ReplaceNode(edited.GetCurrentNode(invocationSyntax)!, newCall);
            return edited.ReplaceNode(edited.GetCurrentNode(declaration)!, newDeclaration);
        }

        /// <summary><c>var filter = new ScanFilter()</c> (or <c>ScanFilter filter = …</c>) declared as a <c>QueryFilter</c>; null when a type cannot be renamed.</summary>
        private static VariableDeclarationSyntax? AsQueryFilter(VariableDeclarationSyntax declaration, ObjectCreationExpressionSyntax filterCreation)
        {
            var renamedCreation = DynamoDBFixSupport.RenameType(filterCreation.Type, "ScanFilter", "QueryFilter");
            if (renamedCreation is null)
            {
                return null;
            }

            var newDeclaration = declaration.ReplaceNode(filterCreation, filterCreation.WithType(renamedCreation));
            if (declaration.Type.IsVar)
            {
                return newDeclaration;
            }

            var renamedType = DynamoDBFixSupport.RenameType(declaration.Type, "ScanFilter", "QueryFilter");
            return renamedType is null ? null : newDeclaration.WithType(renamedType);
        }

        /// <summary>The <c>ScanOperator</c> members a key condition accepts.</summary>
        private static readonly HashSet<string> KeyConditionOperators = new HashSet<string> { "Equal", "LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual", "BeginsWith", "Between" };
    }
}
