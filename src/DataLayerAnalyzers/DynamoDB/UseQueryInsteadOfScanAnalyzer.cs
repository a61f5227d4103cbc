using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1001: a Scan whose filter fixes the partition key to one value is a Query written the expensive way.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseQueryInsteadOfScanAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.UseQueryInsteadOfScan);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = DynamoDBSymbols.Create(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, DynamoDBSymbols symbols)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var scan = ScanAnalysis.Analyze(invocation, symbols, context.Options, context.CancellationToken);
            if (scan is null || scan.Verdict != ScanFilterVerdict.KeyEquality || scan.Keys is null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UseQueryInsteadOfScan, invocation.Syntax.GetLocation(), scan.Keys.PartitionKey, scan.Keys.TableName));
        }
    }
}
