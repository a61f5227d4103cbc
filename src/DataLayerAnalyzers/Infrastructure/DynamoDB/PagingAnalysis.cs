using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    internal enum PagingShape
    {
        None,

        /// <summary><c>client.QueryAsync/ScanAsync</c> whose items are used while LastEvaluatedKey is never read.</summary>
        FirstResponseOnly,

        /// <summary><c>search.GetNextSetAsync()</c> called once: no IsDone loop, no token handed back.</summary>
        SingleNextSet,
    }

    /// <summary>
    /// DLA1003's question: does this Query/Scan read only the first page? Silent whenever the code follows the pages
    /// (reads LastEvaluatedKey, sets ExclusiveStartKey, loops on IsDone, hands back PaginationToken/NextKey), hands the
    /// response to someone else, or asks for one item (<c>Limit = 1</c>, or a table Query fixing partition and sort key by equality).
    /// </summary>
    internal static class PagingAnalysis
    {
        public static PagingShape Analyze(IInvocationOperation invocation, DynamoDBSymbols symbols, out ResponseUsage? usage, CancellationToken cancellationToken)
        {
            usage = null;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "QueryAsync" or "ScanAsync" or "Query" or "Scan" when symbols.IsClientMethod(method):
                    usage = ResponseUsage.Analyze(invocation, cancellationToken);
                    if (usage.Kind is not (ResponseUsageKind.Local or ResponseUsageKind.Direct)
                        || usage.MembersRead.Contains("LastEvaluatedKey")
                        || !(usage.MembersRead.Contains("Items") || usage.MembersRead.Contains("Count") || usage.MembersRead.Contains("ScannedCount"))
                        || SetsExclusiveStartKey(invocation, cancellationToken)
                        || IsSingleItemRequest(invocation, cancellationToken))
                    {
                        return PagingShape.None;
                    }

                    return PagingShape.FirstResponseOnly;

                case "GetNextSetAsync" or "GetNextSet" when symbols.IsSearchType(method.ContainingType):
                    return IsFollowed(invocation) ? PagingShape.None : PagingShape.SingleNextSet;

                default:
                    return PagingShape.None;
            }
        }

        /// <summary>
        /// A low-level Query/Scan with a constant positive <c>Limit</c> whose response is read as one page (LastEvaluatedKey
        /// never read, ExclusiveStartKey never set): DynamoDB evaluates at most <c>Limit</c> items, whatever the table's size.
        /// </summary>
        public static bool ReadsOneBoundedPage(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            if (invocation.Arguments.Length == 0)
            {
                return false;
            }

            var request = RequestModel.Create(invocation.Arguments[0].Value, cancellationToken);
            if (request is null || !request.TryGet("Limit", out var limit)
                || !ValueResolver.TryResolveInt(limit.Value, out var value, out _, cancellationToken) || value <= 0)
            {
                return false;
            }

            var usage = ResponseUsage.Analyze(invocation, cancellationToken);
            return usage.Kind is ResponseUsageKind.Local or ResponseUsageKind.Direct
                && !usage.MembersRead.Contains("LastEvaluatedKey")
                && !SetsExclusiveStartKey(invocation, cancellationToken);
        }

        private static bool IsSingleItemRequest(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            if (invocation.Arguments.Length == 0)
            {
                return false;
            }

            var request = RequestModel.Create(invocation.Arguments[0].Value, cancellationToken);
            if (request is null)
            {
                return false;
            }

            if (request.TryGet("Limit", out var limit) && ValueResolver.TryResolveInt(limit.Value, out var value, out _, cancellationToken) && value == 1)
            {
                return true;
            }

            // A table Query whose key condition fixes both partition and sort key by equality matches at most one item.
            return !request.IsSet("IndexName") && request.TryGet("KeyConditionExpression", out var keyCondition)
                && ValueResolver.TryResolveString(keyCondition.Value, out var text, cancellationToken) && text.IsFullyKnown
                && ConditionExpressionParser.TryParse(text.Value, out var parsed)
                && parsed.Kind == ConditionKind.And && parsed.Children.Length == 2
                && IsEquality(parsed.Children[0]) && IsEquality(parsed.Children[1])
                && parsed.Children[0].Operands[0].Text != parsed.Children[1].Operands[0].Text;
        }

        private static bool IsEquality(ConditionNode node)
            => node.Kind == ConditionKind.Comparison && node.Operator == "=" && node.Operands[0].Kind == OperandKind.Path && node.Operands[1].Kind == OperandKind.Value;

        private static bool SetsExclusiveStartKey(IOperation use, CancellationToken cancellationToken)
        {
            foreach (var operation in OperationIndex.Of(use).MembersNamed("ExclusiveStartKey"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is IPropertyReferenceOperation && operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The search is looped over (the call sits in a loop) or its state is read (IsDone, PaginationToken, NextKey).</summary>
        private static bool IsFollowed(IInvocationOperation invocation)
        {
            for (var parent = invocation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is ILoopOperation)
                {
                    return true;
                }
            }

            var instance = ValueResolver.Unwrap(invocation.Instance);
            ISymbol? symbol = instance switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is null)
            {
                return false;
            }

            foreach (var reference in OperationIndex.Of(invocation).ReferencesTo(symbol))
            {
                var use = reference;
                while (use.Parent is IConversionOperation || use.Parent is IParenthesizedOperation)
                {
                    use = use.Parent;
                }

                if (use.Parent is IPropertyReferenceOperation { Property.Name: "IsDone" or "PaginationToken" or "NextKey" } property
                    && ValueResolver.Unwrap(property.Instance) == reference)
                {
                    return true;
                }
            }

            return symbol is IFieldSymbol; // a search kept in a field may be continued by another method
        }
    }
}
