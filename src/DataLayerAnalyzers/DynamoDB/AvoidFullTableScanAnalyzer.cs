using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1002: a Scan on a request path reads (and bills) the whole table whatever its filter returns.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AvoidFullTableScanAnalyzer : DynamoDBInvocationAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.AvoidFullTableScan;

        internal override void AnalyzeInvocation(OperationContext context, IInvocationOperation invocation, DynamoDBSymbols symbols)
        {
            if (symbols.ClassifyScan(invocation.TargetMethod) == DynamoDBReadShape.None || ScanContext.IsStartupOrBackground(invocation, context.ContainingSymbol, symbols))
            {
                return;
            }

            var scan = ScanAnalysis.Analyze(invocation, symbols, context.Options, context.CancellationToken);
            if (scan is null || scan.IsParallel || scan.Verdict == ScanFilterVerdict.KeyEquality
                || (symbols.IsClientMethod(invocation.TargetMethod) && PagingAnalysis.ReadsOneBoundedPage(invocation, context.CancellationToken)))
            {
                return;
            }

            var reason = scan.Verdict switch
            {
                ScanFilterVerdict.NoFilter => "it has no filter",
                ScanFilterVerdict.NonKey => "its filter is on non-key attributes and is applied after the items are read",
                ScanFilterVerdict.KeyNotEquality => "its condition on the partition key is not an equality every result must meet",
                _ => "a filter is applied only after the items are read",
            };
            context.ReportOutsideTestCode(Diagnostic.Create(DiagnosticDescriptors.AvoidFullTableScan, invocation.Syntax.GetLocation(), reason));
        }
    }
}
