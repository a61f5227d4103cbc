using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// A benchmark analyzer that reports nothing (an analyzer that supports no diagnostic is never run, so it declares one
    /// it never reports), runs concurrently over no generated code, and registers only what <see cref="Register"/> adds.
    /// </summary>
    public abstract class SilentAnalyzer : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<DiagnosticDescriptor> _supported;

        protected SilentAnalyzer(string id)
        {
            _supported = ImmutableArray.Create(new DiagnosticDescriptor(id, "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true));
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _supported;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            Register(context);
        }

        protected abstract void Register(AnalysisContext context);
    }
}
