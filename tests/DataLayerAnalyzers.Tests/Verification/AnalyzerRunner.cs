using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Sdk;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>
    /// Runs analyzers straight over a compilation and fails on an analyzer exception (AD0001). Kept beside the library for
    /// the suites that are not per-rule tests (robustness over thousands of half-typed sources, clean code with every
    /// analyzer at once, message checks): they need no markup, workspace or fix, and the library has no such entry point.
    /// </summary>
    public static class AnalyzerRunner
    {
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            var exceptions = new List<string>();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (ex, analyzer, diagnostic) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add($"{analyzer.GetType().Name} threw: {ex}");
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).Concat(exceptions).ToList();
            if (crashes.Count > 0)
            {
                throw new XunitException("An analyzer threw (AD0001):\n" + string.Join("\n", crashes));
            }

            return diagnostics.Sort((a, b) =>
            {
                var byPath = string.CompareOrdinal(a.Location.GetLineSpan().Path, b.Location.GetLineSpan().Path);
                return byPath != 0 ? byPath : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            });
        }
    }
}
