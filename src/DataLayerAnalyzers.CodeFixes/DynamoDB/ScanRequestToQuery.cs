using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1001 fix, low level: a <c>ScanRequest</c> (client call or paginator) becomes a <c>QueryRequest</c>.</summary>
    internal static class ScanRequestToQuery
    {
        public static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan, CancellationToken cancellationToken)
        {
            var request = scan.Request;
            if (request?.Creation?.Syntax is not BaseObjectCreationExpressionSyntax creation || creation.Initializer is null
                || (scan.Filter is null && scan.LegacyConditions.IsEmpty) || scan.Keys is null || invocationSyntax.ArgumentList.Arguments.Count == 0)
            {
                return null;
            }

            foreach (var setting in request.Properties.Values)
            {
                if (!creation.Span.Contains(setting.Syntax.Span))
                {
                    return null; // set by a later statement: not rewritten
                }
            }

            var useExpression = scan.Filter != null;
            if (!request.TryGet(useExpression ? "FilterExpression" : "ScanFilter", out var filterSetting) || filterSetting.Syntax is not AssignmentExpressionSyntax filterAssignment
                || filterAssignment.Parent != creation.Initializer || request.IsSet("ConditionalOperator") || (useExpression && request.IsSet("ScanFilter")))
            {
                return null;
            }

            // Where does the request come from: inline, or a local used only by this call?
            var argument = invocationSyntax.ArgumentList.Arguments[0].Expression;
            VariableDeclarationSyntax? declaration = null;
            if (argument != creation)
            {
                if (argument is not IdentifierNameSyntax identifier || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
                    || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax localDeclaration } }
                    || !DynamoDBFixSupport.IsReferencedOnlyAt(local, identifier, model, cancellationToken))
                {
                    return null;
                }

                declaration = localDeclaration;
            }

            ExpressionSyntax keyValue;
            ExpressionSyntax? remainderValue;
            string keyProperty, remainderProperty;
            if (useExpression)
            {
                if (scan.FilterText is null || !ScanToQuerySupport.SplitExpression(scan, out var keyCondition, out var remainder))
                {
                    return null;
                }

                keyValue = DynamoDBFixSupport.StringLiteral(keyCondition);
                remainderValue = remainder is null ? null : DynamoDBFixSupport.StringLiteral(remainder);
                keyProperty = "KeyConditionExpression";
                remainderProperty = "FilterExpression";
            }
            else
            {
                if (!ScanToQuerySupport.SplitConditionDictionary(filterAssignment.Right, scan, out var keyDictionary, out remainderValue))
                {
                    return null;
                }

                keyValue = keyDictionary;
                keyProperty = "KeyConditions";
                remainderProperty = "QueryFilter";
            }

            var expressions = new List<ExpressionSyntax>();
            foreach (var expression in creation.Initializer.Expressions)
            {
                if (expression == filterAssignment)
                {
                    expressions.Add(filterAssignment.WithLeft(SyntaxFactory.IdentifierName(keyProperty).WithTriviaFrom(filterAssignment.Left))
                        .WithRight(keyValue.WithTriviaFrom(filterAssignment.Right)));
                    if (remainderValue != null)
                    {
                        expressions.Add(filterAssignment.WithLeft(SyntaxFactory.IdentifierName(remainderProperty).WithTriviaFrom(filterAssignment.Left))
                            .WithRight(remainderValue.WithTriviaFrom(filterAssignment.Right)));
                    }
                }
                else if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Segment" or "TotalSegments" } })
                {
                    continue;
                }
                else
                {
                    expressions.Add(expression);
                }
            }

            if (scan.Index is { } index)
            {
                // A Query on the global secondary index: IndexName right after TableName (first when TableName is not in the initializer).
                var tableAt = expressions.FindIndex(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "TableName" } });
                expressions.Insert(tableAt + 1, ScanToQuerySupport.IndexNameAssignment(index.IndexName));
            }

            var originalList = creation.Initializer.Expressions;
            var separator = originalList.SeparatorCount > 0 ? originalList.GetSeparator(0) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var separatorCount = expressions.Count - 1 + (originalList.SeparatorCount == originalList.Count && expressions.Count > 0 ? 1 : 0);
            var separators = Enumerable.Repeat(separator, System.Math.Max(0, separatorCount));
            var newInitializer = creation.Initializer.WithExpressions(SyntaxFactory.SeparatedList(expressions, separators)).WithAdditionalAnnotations(Formatter.Annotation);
            BaseObjectCreationExpressionSyntax newCreation = creation.WithInitializer(newInitializer);
            if (newCreation is ObjectCreationExpressionSyntax explicitCreation)
            {
                var renamed = DynamoDBFixSupport.RenameType(explicitCreation.Type, "ScanRequest", "QueryRequest");
                if (renamed is null)
                {
                    return null;
                }

                newCreation = explicitCreation.WithType(renamed);
            }

            var newName = scan.Shape == DynamoDBReadShape.PaginatorScan ? "Query" : invocationSyntax.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Scan" } ? "Query" : "QueryAsync";
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            if (declaration != null)
            {
                var newDeclaration = declaration.ReplaceNode(creation, newCreation);
                if (!declaration.Type.IsVar)
                {
                    var renamedType = DynamoDBFixSupport.RenameType(declaration.Type, "ScanRequest", "QueryRequest");
                    if (renamedType is null)
                    {
                        return null;
                    }

                    newDeclaration = newDeclaration.WithType(renamedType);
                }

                replacements[declaration] = newDeclaration;
                var renamedCall = DynamoDBFixSupport.Rename(invocationSyntax, newName);
                if (renamedCall is null)
                {
                    return null;
                }

                replacements[invocationSyntax] = renamedCall;
            }
            else
            {
                var renamedCall = DynamoDBFixSupport.Rename(invocationSyntax.ReplaceNode(creation, newCreation), newName);
                if (renamedCall is null)
                {
                    return null;
                }

                replacements[invocationSyntax] = renamedCall;
            }

            RenameResponseType(invocationSyntax, declaration, replacements);
            return root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        }

        /// <summary>An explicitly typed response local: ScanResponse → QueryResponse.</summary>
        internal static void RenameResponseType(InvocationExpressionSyntax invocationSyntax, VariableDeclarationSyntax? requestDeclaration, Dictionary<SyntaxNode, SyntaxNode> replacements)
        {
            var awaited = invocationSyntax.Parent is AwaitExpressionSyntax await ? (SyntaxNode)await : invocationSyntax;
            if (awaited.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax responseDeclaration } }
                && !responseDeclaration.Type.IsVar && responseDeclaration != requestDeclaration)
            {
                var renamedResponse = DynamoDBFixSupport.RenameType(responseDeclaration.Type, "ScanResponse", "QueryResponse");
                if (renamedResponse != null)
                {
                    var newResponseDeclaration = responseDeclaration.ReplaceNode(invocationSyntax, replacements[invocationSyntax]).WithType(renamedResponse);
                    replacements.Remove(invocationSyntax);
                    replacements[responseDeclaration] = newResponseDeclaration;
                }
            }
        }
    }
}
