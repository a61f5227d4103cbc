using System.Collections.Immutable;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Plain compilation (the baseline) against compilation with every analyzer of the package, over a generated
    /// data-layer code base and over one with no data-access library referenced. The Ratio column is the analyzer
    /// cost relative to compiling: 1.10 means the analyzers add 10 % to the compiler's own work. The control, an analyzer
    /// that visits every invocation and does nothing, shows what Roslyn charges for running any operation analyzer.
    /// </summary>
    public class AnalyzerCostBenchmarks
    {
        private CodeBase _codeBase = null!;

        [Params(CodeBaseKind.DataLayer, CodeBaseKind.NoDataLibrary)]
        public CodeBaseKind CodeBase { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _codeBase = Benchmarks.CodeBase.Create(CodeBase);
        }

        [Benchmark(Baseline = true, Description = "Compile")]
        public ImmutableArray<Diagnostic> Compile() => _codeBase.Compile();

        [Benchmark(Description = "Compile + empty operation analyzer")]
        public Task<ImmutableArray<Diagnostic>> CompileWithEmptyAnalyzer() => _codeBase.CompileWithEmptyAnalyzerAsync();

        [Benchmark(Description = "Compile + all DLA analyzers")]
        public Task<ImmutableArray<Diagnostic>> CompileWithAnalyzers() => _codeBase.CompileWithAnalyzersAsync();
    }
}
