using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1003: a Query/Scan whose first page is used as if it were the whole result.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReadAllResultPagesAnalyzer : DynamoDBInvocationAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.ReadAllResultPages;

        internal override void AnalyzeInvocation(OperationContext context, IInvocationOperation invocation, DynamoDBSymbols symbols)
        {
            switch (PagingAnalysis.Analyze(invocation, symbols, out _, context.CancellationToken))
            {
                case PagingShape.FirstResponseOnly:
                    var operation = invocation.TargetMethod.Name.StartsWith("Query", System.StringComparison.Ordinal) ? "Query" : "Scan";
                    context.ReportOutsideTestCode(Diagnostic.Create(DiagnosticDescriptors.ReadAllResultPages, invocation.Syntax.GetLocation(), operation,
                        "follow LastEvaluatedKey until it is null or empty, or use the paginator"));
                    break;
                case PagingShape.SingleNextSet:
                    context.ReportOutsideTestCode(Diagnostic.Create(DiagnosticDescriptors.ReadAllResultPages, invocation.Syntax.GetLocation(), "search",
                        "loop until IsDone, call GetRemainingAsync, or hand PaginationToken back to the caller"));
                    break;
            }
        }
    }
}
