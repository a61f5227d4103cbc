using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Used by <c>--beside-pairs N --list-only</c>: asks for every file's shared operation list (<see cref="TreeOperations"/>)
    /// and does nothing else, so that beside the control it shows what making the lists alone adds to a build, apart from
    /// the rules' own work.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ListOnlyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new(
            "BENCH0003", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSemanticModelAction(static model => TreeOperations.For(model.SemanticModel, model.CancellationToken));
        }
    }
}
