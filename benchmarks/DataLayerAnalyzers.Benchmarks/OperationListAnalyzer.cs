using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Used by <c>--cpu</c>, listed before the rules: it asks for each file's shared operation list
    /// (<see cref="TreeOperations"/>) and does nothing else, so that what making the list costs (binding every body, which
    /// the driver does for any operation-based analyzer and the control pays too, and listing the operations) is charged
    /// to it rather than to whichever rule reaches a file first. A rule that gets to a file before it still pays.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OperationListAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The name its row has in the <c>--cpu</c> table.</summary>
        public const string RowName = "(shared per-file operation list)";

        private static readonly DiagnosticDescriptor Never = new(
            "BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSemanticModelAction(static model => TreeOperations.For(model.SemanticModel, model.CancellationToken));
        }
    }
}
