using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1001: a Scan whose filter fixes the partition key to one value is a Query written the expensive way.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseQueryInsteadOfScanAnalyzer : DynamoDBInvocationAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.UseQueryInsteadOfScan;

        internal override void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, DynamoDBSymbols symbols)
        {
            var scan = ScanAnalysis.Analyze(invocation, symbols, context.Options, context.CancellationToken);
            if (scan is null || scan.Verdict != ScanFilterVerdict.KeyEquality || scan.Keys is null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UseQueryInsteadOfScan, invocation.Syntax.GetLocation(), scan.Keys.PartitionKey, scan.Keys.TableName));
        }
    }
}
