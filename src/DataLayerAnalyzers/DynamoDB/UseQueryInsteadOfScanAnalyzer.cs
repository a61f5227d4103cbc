using DataLayerAnalyzers.Infrastructure.DynamoDB;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>
    /// DLA1001: a Scan whose filter fixes the partition key to one value is a Query written the expensive way; so is one that
    /// fixes a global secondary index's partition key (a Query on that index; the message names it).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseQueryInsteadOfScanAnalyzer : DynamoDBInvocationAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.UseQueryInsteadOfScan;

        internal override void AnalyzeInvocation(OperationContext context, IInvocationOperation invocation, DynamoDBSymbols symbols)
        {
            var scan = ScanAnalysis.Analyze(invocation, symbols, context.Options, context.CancellationToken);
            if (scan is null || scan.Verdict != ScanFilterVerdict.KeyEquality || scan.Keys is null)
            {
                return;
            }

            var table = "table '" + scan.Keys.TableName + "'";
            var diagnostic = scan.Index is { } index
                ? Diagnostic.Create(DiagnosticDescriptors.UseQueryInsteadOfScan, invocation.Syntax.GetLocation(),
                    index.PartitionKey ?? index.PartitionProperty, "global secondary index '" + index.IndexName + "' of " + table, "on index '" + index.IndexName + "' ")
                : Diagnostic.Create(DiagnosticDescriptors.UseQueryInsteadOfScan, invocation.Syntax.GetLocation(), scan.Keys.PartitionKey, table, string.Empty);
            context.ReportDiagnostic(diagnostic);
        }
    }
}
