using System;
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

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>What the DLA1001 rewrites of every programming model share: splitting a filter into the key condition and the rest.</summary>
    internal static class ScanToQuerySupport
    {
        private static readonly HashSet<string> SortKeyComparators = new HashSet<string> { "=", "<", "<=", ">", ">=" };

        /// <summary>
        /// Splits the filter into the key condition (partition equality, at most one sort-key condition) and the rest; the keys
        /// are the table's, or the index's when the Scan is a Query on a global secondary index.
        /// </summary>
        internal static bool SplitExpression(ScanAnalysis scan, out string keyCondition, out string? remainder)
        {
            keyCondition = string.Empty;
            remainder = null;
            var partitionKey = scan.QueryPartitionKey!;
            var sortKey = scan.QuerySortKey;
            var text = scan.FilterText!;
            ConditionNode? partition = null;
            ConditionNode? sort = null;
            var rest = new List<string>();
            foreach (var conjunct in scan.Filter!.Conjuncts)
            {
                var piece = text.Substring(conjunct.Start, conjunct.Length);
                if (partition is null && scan.TryKeyEquality(conjunct, out var attribute) && attribute == partitionKey)
                {
                    partition = conjunct;
                    continue;
                }

                if (scan.Mentions(conjunct, partitionKey) != false)
                {
                    return false;
                }

                var mentionsSort = sortKey is null ? false : scan.Mentions(conjunct, sortKey);
                if (mentionsSort is null)
                {
                    return false;
                }

                if (mentionsSort == true)
                {
                    if (sort != null || !IsSortKeyCondition(conjunct))
                    {
                        return false; // a query filter may not name key attributes
                    }

                    sort = conjunct;
                    continue;
                }

                rest.Add(piece);
            }

            if (partition is null)
            {
                return false;
            }

            keyCondition = text.Substring(partition.Start, partition.Length);
            if (sort != null)
            {
                keyCondition += " AND " + text.Substring(sort.Start, sort.Length);
            }

            remainder = rest.Count == 0 ? null : string.Join(" AND ", rest);
            return true;
        }

        private static readonly HashSet<string> KeyConditionOperators = new HashSet<string> { "EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN" };

        /// <summary>
        /// Splits an inline <c>new Dictionary&lt;string, Condition&gt; { … }</c> scan filter into the key conditions (partition EQ,
        /// at most one sort-key condition) and the rest (the query filter), keeping each entry as written.
        /// </summary>
        internal static bool SplitConditionDictionary(ExpressionSyntax dictionary, ScanAnalysis scan, out ExpressionSyntax keyDictionary, out ExpressionSyntax? restDictionary)
        {
            keyDictionary = dictionary;
            restDictionary = null;
            var partitionKey = scan.QueryPartitionKey!;
            var sortKey = scan.QuerySortKey;
            if (dictionary is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation)
            {
                return false;
            }

            var keyElements = new List<ExpressionSyntax>();
            var restElements = new List<ExpressionSyntax>();
            bool partition = false, sort = false;
            foreach (var element in initializer.Expressions)
            {
                LegacyCondition? match = null;
                foreach (var condition in scan.LegacyConditions)
                {
                    if (element.Span.Contains(condition.Syntax.Span))
                    {
                        match = condition;
                    }
                }

                if (match is not { } found || found.Operator is null)
                {
                    return false;
                }

                if (found.Attribute == partitionKey && !partition && found.IsEquality)
                {
                    partition = true;
                    keyElements.Add(element);
                }
                else if (found.Attribute == partitionKey)
                {
                    return false;
                }
                else if (sortKey != null && found.Attribute == sortKey)
                {
                    if (sort || !KeyConditionOperators.Contains(found.Operator))
                    {
                        return false;
                    }

                    sort = true;
                    keyElements.Add(element);
                }
                else
                {
                    restElements.Add(element);
                }
            }

            if (!partition || initializer.Expressions.Count != scan.LegacyConditions.Length)
            {
                return false;
            }

            keyDictionary = WithElements(creation, initializer, keyElements);
            restDictionary = restElements.Count == 0 ? null : WithElements(creation, initializer, restElements);
            return true;
        }

        private static ExpressionSyntax WithElements(BaseObjectCreationExpressionSyntax creation, InitializerExpressionSyntax initializer, List<ExpressionSyntax> elements)
        {
            var list = initializer.Expressions;
            var separator = list.SeparatorCount > 0 ? list.GetSeparator(0) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var count = elements.Count - 1 + (list.SeparatorCount == list.Count && elements.Count > 0 ? 1 : 0);
            return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList(elements, Enumerable.Repeat(separator, System.Math.Max(0, count)))))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static bool IsSortKeyCondition(ConditionNode node)
        {
            switch (node.Kind)
            {
                case ConditionKind.Comparison:
                    return SortKeyComparators.Contains(node.Operator!) && node.Operands.Any(o => o.Kind == OperandKind.Path && o.IsTopLevelAttribute) && node.Operands.Any(o => o.Kind == OperandKind.Value);
                case ConditionKind.Between:
                    return node.Operands[0].IsTopLevelAttribute && node.Operands[1].Kind == OperandKind.Value && node.Operands[2].Kind == OperandKind.Value;
                case ConditionKind.Function:
                    return node.Operator == "begins_with" && node.Operands.Length == 2 && node.Operands[0].IsTopLevelAttribute && node.Operands[1].Kind == OperandKind.Value;
                default:
                    return false;
            }
        }
        /// <summary>
        /// Whether a Query on the index the Scan matched (<see cref="ScanAnalysis.Index"/>) returns everything the code reads:
        /// the index projects ALL attributes, or the request itself limits what is read (<c>ProjectionExpression</c>,
        /// <c>AttributesToGet</c>, <c>Select = COUNT</c>) and those attributes and the ones the remaining filter names are all
        /// projected. Without such a limit the code may read any attribute, so only ALL serves it. Only the low-level shapes
        /// say what they read; the document and object models need ALL.
        /// </summary>
        internal static bool IndexServesReads(ScanAnalysis scan, IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var index = scan.Index;
            if (index is null)
            {
                return true;
            }

            // A global secondary index serves only eventually consistent reads: a Query on it with ConsistentRead = true
            // fails (DLA1005), so a strongly consistent (or possibly strongly consistent) Scan is not rewritten.
            if (scan.Request is { } consistency && consistency.TryGet("ConsistentRead", out var consistentRead)
                && !(ValueResolver.TryResolveConstant(consistentRead.Value, out var value, out _, cancellationToken) && value is false))
            {
                return false;
            }

            if (index.Projection.Type == IndexProjectionType.All)
            {
                return true;
            }

            if (index.Projection.Type == IndexProjectionType.Unknown || scan.Keys is null)
            {
                return false;
            }

            var read = new HashSet<string>(StringComparer.Ordinal);
            if (scan.Filter != null)
            {
                if (!scan.TryCollectAttributes(scan.Filter, read))
                {
                    return false;
                }
            }
            else
            {
                foreach (var condition in scan.LegacyConditions)
                {
                    read.Add(condition.Attribute);
                }
            }

            bool limited;
            switch (scan.Shape)
            {
                case DynamoDBReadShape.ClientScanRequest:
                case DynamoDBReadShape.PaginatorScan:
                    limited = scan.Request is { } request && ReadsOnly(request, scan, read, cancellationToken);
                    break;
                case DynamoDBReadShape.ClientScanTableName:
                    limited = false;
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == "attributesToGet" && argument.ArgumentKind == ArgumentKind.Explicit
                            && SecondaryIndexDeclarations.ReadStrings(argument.Value, cancellationToken) is { Count: > 0 } names)
                        {
                            read.UnionWith(names);
                            limited = true;
                        }
                    }

                    break;
                default:
                    return false;
            }

            if (!limited)
            {
                return false;
            }

            foreach (var attribute in read)
            {
                if (!index.Projects(attribute, scan.Keys))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Adds what a low-level request asks for to <paramref name="read"/>; false when it asks for whole items (or cannot be read).</summary>
        private static bool ReadsOnly(RequestModel request, ScanAnalysis scan, HashSet<string> read, CancellationToken cancellationToken)
        {
            if (request.TryGet("Select", out var select))
            {
                switch (KeySchemaIndex.ResolveConstantClassName(select.Value, cancellationToken))
                {
                    case "COUNT":
                        return true;
                    case "SPECIFIC_ATTRIBUTES":
                        break;
                    default:
                        return false;
                }
            }

            if (request.TryGetString("ProjectionExpression", out var projection, out _, cancellationToken))
            {
                var any = false;
                foreach (var path in projection.Split(','))
                {
                    var trimmed = path.Trim();
                    var end = trimmed.IndexOfAny(new[] { '.', '[' });
                    var name = scan.ResolveName(end < 0 ? trimmed : trimmed.Substring(0, end).Trim());
                    if (string.IsNullOrEmpty(name))
                    {
                        return false;
                    }

                    read.Add(name!);
                    any = true;
                }

                return any;
            }

            if (request.TryGet("AttributesToGet", out var attributes) && SecondaryIndexDeclarations.ReadStrings(attributes.Value, cancellationToken) is { Count: > 0 } names)
            {
                read.UnionWith(names);
                return true;
            }

            return false;
        }

        /// <summary><c>IndexName = "…"</c> for an object initializer.</summary>
        internal static AssignmentExpressionSyntax IndexNameAssignment(string indexName)
            => SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("IndexName"), DynamoDBFixSupport.StringLiteral(indexName));
    }
}
