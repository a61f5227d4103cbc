using System.Collections.Immutable;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Plain compilation (the baseline) against compilation with every analyzer of the package, over a generated
    /// data-layer code base and over one with no data-access library referenced. The Ratio column is the analyzer
    /// cost relative to compiling: 1.10 means the analyzers add 10 % to the compiler's own work.
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

        [Benchmark(Description = "Compile + all DLA analyzers")]
        public Task<ImmutableArray<Diagnostic>> CompileWithAnalyzers() => _codeBase.CompileWithAnalyzersAsync();
    }
}
