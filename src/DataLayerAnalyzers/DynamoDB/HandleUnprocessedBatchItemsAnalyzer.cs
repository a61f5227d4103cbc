using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1004: BatchWriteItem/BatchGetItem responses whose UnprocessedItems/UnprocessedKeys are never read.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HandleUnprocessedBatchItemsAnalyzer : DynamoDBInvocationAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.HandleUnprocessedBatchItems;

        internal override void AnalyzeInvocation(OperationContext context, IInvocationOperation invocation, DynamoDBSymbols symbols)
        {
            var method = invocation.TargetMethod;
            string member, operation;
            switch (method.Name)
            {
                case "BatchWriteItemAsync" or "BatchWriteItem":
                    member = "UnprocessedItems";
                    operation = "BatchWriteItem";
                    break;
                case "BatchGetItemAsync" or "BatchGetItem":
                    member = "UnprocessedKeys";
                    operation = "BatchGetItem";
                    break;
                default:
                    return;
            }

            if (!symbols.IsClientMethod(method))
            {
                return;
            }

            var usage = ResponseUsage.Analyze(invocation, context.CancellationToken);
            if (usage.Kind == ResponseUsageKind.Escapes || usage.MembersRead.Contains(member))
            {
                return;
            }

            context.ReportOutsideTestCode(Diagnostic.Create(DiagnosticDescriptors.HandleUnprocessedBatchItems, invocation.Syntax.GetLocation(), member, operation));
        }
    }
}
