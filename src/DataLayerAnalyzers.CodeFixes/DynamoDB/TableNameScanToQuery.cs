using System.Collections.Generic;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1001 fix, low level: the <c>ScanAsync(tableName, [attributesToGet,] scanFilter)</c> overloads become <c>QueryAsync(QueryRequest)</c>.</summary>
    internal static class TableNameScanToQuery
    {
        /// <summary>
        /// <c>client.ScanAsync(tableName, [attributesToGet,] new Dictionary&lt;string, Condition&gt; { … }[, ct])</c> →
        /// <c>client.QueryAsync(new QueryRequest { TableName, [AttributesToGet,] KeyConditions, [QueryFilter] }[, ct])</c>.
        /// </summary>
        public static SyntaxNode? Rewrite(SyntaxNode root, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan)
        {
            ExpressionSyntax? table = null, attributes = null, filter = null, cancellation = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Syntax is not ArgumentSyntax { NameColon: null } syntax)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    {
                        continue;
                    }

                    return null;
                }

                switch (argument.Parameter?.Name)
                {
                    case "tableName":
                        table = syntax.Expression;
                        break;
                    case "attributesToGet":
                        attributes = syntax.Expression;
                        break;
                    case "scanFilter":
                        filter = syntax.Expression;
                        break;
                    case "cancellationToken":
                        cancellation = syntax.Expression;
                        break;
                    default:
                        return null;
                }
            }

            if (table is null || filter is null || invocationSyntax.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ScanAsync" }
                || !ScanToQuerySupport.SplitConditionDictionary(filter, scan, out var keyDictionary, out var restDictionary))
            {
                return null;
            }

            var members = new List<ExpressionSyntax> { Assign("TableName", table) };
            if (scan.Index is { } index)
            {
                members.Add(ScanToQuerySupport.IndexNameAssignment(index.IndexName));
            }

            if (attributes != null)
            {
                members.Add(Assign("AttributesToGet", attributes));
            }

            members.Add(Assign("KeyConditions", keyDictionary));
            if (restDictionary != null)
            {
                members.Add(Assign("QueryFilter", restDictionary));
            }

            var request = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("Amazon.DynamoDBv2.Model.QueryRequest").WithAdditionalAnnotations(Simplifier.Annotation))
                .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(members)));
            var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(request) };
            if (cancellation != null)
            {
                arguments.Add(SyntaxFactory.Argument(cancellation.WithoutTrivia()));
            }

            var renamed = DynamoDBFixSupport.Rename(invocationSyntax, "QueryAsync");
            if (renamed is null)
            {
                return null;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>
            {
                [invocationSyntax] = renamed.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)).WithTriviaFrom(invocationSyntax.ArgumentList))
                    .WithAdditionalAnnotations(Formatter.Annotation),
            };
            ScanRequestToQuery.RenameResponseType(invocationSyntax, null, replacements);
            return root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);

            static ExpressionSyntax Assign(string property, ExpressionSyntax value)
                => SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value.WithoutTrivia());
        }
    }
}
