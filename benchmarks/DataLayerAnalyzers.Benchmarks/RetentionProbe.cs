using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// At compilation end, when the driver has let go of every file's semantic model, collects the garbage and records
    /// the managed heap: beside the control alone, the difference is what the rules still keep alive (per-compilation
    /// indexes, cached semantic models and the bound trees they hold). Whatever is alive then was alive, and copied by
    /// the collector, during much of the run.
    /// </summary>
#pragma warning disable RS1036, RS1025, RS1026 // A benchmark probe, not a shipped analyzer.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RetentionProbe : DiagnosticAnalyzer
    {
        public long HeapAtEnd { get; private set; }

        // An analyzer that supports no diagnostic is never run.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("PROBE0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.RegisterCompilationAction(_ =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                HeapAtEnd = GC.GetTotalMemory(forceFullCollection: false);
            });
        }
    }
#pragma warning restore RS1036, RS1025, RS1026
}
