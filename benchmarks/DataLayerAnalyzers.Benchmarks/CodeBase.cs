using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// A generated code base, parsed once, with the references it compiles against. Each measurement builds a fresh
    /// <see cref="CSharpCompilation"/> from the parsed trees, so nothing bound in one run is reused by the next.
    /// </summary>
    public sealed class CodeBase
    {
        private static readonly string[] NotReferenced =
        {
            "Microsoft.CodeAnalysis", "DataLayerAnalyzers", "BenchmarkDotNet", "Perfolizer", "Iced", "Microsoft.Diagnostics",
            "Microsoft.DotNet.PlatformAbstractions", "CommandLine", "Gee.External.Capstone", "Humanizer", "System.Composition",
        };

        private static readonly string[] DataLibraries =
        {
            "AWSSDK", "Npgsql", "Microsoft.Data.SqlClient", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions",
            "Microsoft.AspNetCore", "System.Data.SqlClient", "Microsoft.Identity", "Azure",
        };

        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly CSharpCompilationOptions _options;
        private readonly AnalyzerOptions _analyzerOptions;

        private CodeBase(CodeBaseKind kind, int targetLines)
        {
            Kind = kind;
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var files = CodeBaseGenerator.Generate(kind, targetLines);
            _trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), parseOptions, f.Path)).ToImmutableArray();
            Lines = files.Sum(f => CodeBaseGenerator.CountLines(f.Text));
            _references = LoadReferences(includeDataLibraries: kind == CodeBaseKind.DataLayer);

            // Every rule of the package on, including the ones disabled by default.
            var forced = Analyzers.SelectMany(a => a.SupportedDiagnostics)
                .Select(d => d.Id).Distinct()
                .Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn));
            _options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true)
                .WithSpecificDiagnosticOptions(forced);
            var additional = CodeBaseGenerator.ConfigurationFiles(kind).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
            _analyzerOptions = new AnalyzerOptions(additional);
        }

        /// <summary>Every analyzer of the DataLayerAnalyzers assembly, found by reflection so new rules are measured too.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .Where(t => Selected(t.Name))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>
        /// DLA_BENCHMARK_ANALYZERS (comma-separated parts of analyzer type names) narrows the set, to look at one rule's cost;
        /// unset, every analyzer is measured.
        /// </summary>
        private static bool Selected(string typeName)
        {
            var filter = Environment.GetEnvironmentVariable("DLA_BENCHMARK_ANALYZERS");
            return string.IsNullOrWhiteSpace(filter)
                || filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(part => typeName.Contains(part, StringComparison.OrdinalIgnoreCase));
        }

        public CodeBaseKind Kind { get; }

        public int Lines { get; }

        public int Files => _trees.Length;

        public static CodeBase Create(CodeBaseKind kind, int targetLines = CodeBaseGenerator.DefaultLines) => new(kind, targetLines);

        public CSharpCompilation CreateCompilation() =>
            CSharpCompilation.Create("Generated" + Kind, _trees, _references, _options);

        /// <summary>(a) and the baseline of (c): what the compiler reports, without analyzers.</summary>
        public ImmutableArray<Diagnostic> Compile(CancellationToken cancellationToken = default) =>
            CreateCompilation().GetDiagnostics(cancellationToken);

        /// <summary>(b) and (c): the compiler's diagnostics plus every analyzer of the package, as a build runs them.</summary>
        public async Task<ImmutableArray<Diagnostic>> CompileWithAnalyzersAsync(CancellationToken cancellationToken = default)
        {
            var compilation = CreateCompilation();
            if (Analyzers.IsEmpty)
            {
                // Roslyn refuses an empty analyzer set; with no analyzers the cost is the compilation's.
                return compilation.GetDiagnostics(cancellationToken);
            }

            return await compilation.WithAnalyzers(Analyzers, AnalyzerOptionsForTiming).GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// One run with Roslyn's execution-time log: the analyzers' diagnostics (analyzer exceptions as AD0001) and the
        /// time each analyzer spent in its callbacks, summed over threads.
        /// </summary>
        public async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<(string Analyzer, TimeSpan Time)> Times)> ProfileAnalyzersAsync(CancellationToken cancellationToken = default)
        {
            var compilation = CreateCompilation();
            if (Analyzers.IsEmpty)
            {
                return (ImmutableArray<Diagnostic>.Empty, Array.Empty<(string, TimeSpan)>());
            }

            var exceptions = new System.Collections.Concurrent.ConcurrentBag<Diagnostic>();
            var withAnalyzers = compilation.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(_analyzerOptions, (exception, analyzer, diagnostic) => exceptions.Add(diagnostic), concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            var result = await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
            var times = result.AnalyzerTelemetryInfo
                .Select(pair => (pair.Key.GetType().Name, pair.Value.ExecutionTime))
                .ToList();
            return (result.GetAllDiagnostics().AddRange(exceptions), times);
        }

        /// <summary>
        /// One run with every analyzer wrapped in a <see cref="CpuTimedAnalyzer"/>: the diagnostics, and the CPU time each
        /// analyzer's callbacks spent on their own threads. Fresh wrappers and a fresh compilation each call, so nothing
        /// built for one run (bound trees, per-compilation indexes) is reused by the next.
        /// </summary>
        public async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<(string Analyzer, TimeSpan CpuTime, long AllocatedBytes)> Times)> CpuProfileAnalyzersAsync(bool besideControl = false, bool rules = true, bool dropFindings = false, CancellationToken cancellationToken = default)
        {
            var compilation = CreateCompilation();
            if (Analyzers.IsEmpty || !(rules || besideControl))
            {
                return (ImmutableArray<Diagnostic>.Empty, Array.Empty<(string, TimeSpan, long)>());
            }

            var timed = (rules ? Analyzers : ImmutableArray<DiagnosticAnalyzer>.Empty).Select(a => new CpuTimedAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(a.GetType())!, dropFindings: dropFindings))
                .Concat(besideControl ? new[] { new CpuTimedAnalyzer(new EmptyOperationAnalyzer(), EmptyOperationAnalyzer.RowName) } : Array.Empty<CpuTimedAnalyzer>())
                .ToImmutableArray();
            var exceptions = new System.Collections.Concurrent.ConcurrentBag<Diagnostic>();
            var withAnalyzers = compilation.WithAnalyzers(
                timed.CastArray<DiagnosticAnalyzer>(),
                new CompilationWithAnalyzersOptions(_analyzerOptions, (exception, analyzer, diagnostic) => exceptions.Add(diagnostic), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            OperationListMeter.Start();
            ImmutableArray<Diagnostic> diagnostics;
            try
            {
                diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                OperationListMeter.Stop();
            }

            var times = timed.Select(t => (t.Name, t.CpuTime, t.AllocatedBytes)).ToList();
            times.Insert(0, (OperationListMeter.RowName, OperationListMeter.CpuTime, OperationListMeter.AllocatedBytes));
            return (diagnostics.AddRange(exceptions), times);
        }

        /// <summary>
        /// Every analyzer registered as it is, but with every action it registers doing nothing
        /// (<see cref="CpuTimedAnalyzer"/>'s hollow mode): Roslyn's price for the package's registrations alone. The
        /// distance from here to <see cref="CompileWithAnalyzersAsync"/> is what the rules' own code costs.
        /// </summary>
        public Task<ImmutableArray<Diagnostic>> CompileWithHollowAnalyzersAsync(CancellationToken cancellationToken = default)
        {
            return RunAnalyzersAsync(HollowAnalyzers(), cancellationToken);
        }

        /// <summary>
        /// The hollow analyzers (<see cref="CompileWithHollowAnalyzersAsync"/>) together with the control's analyzer: what
        /// the driver charges a build that runs an operation analyzer for the package's registrations alone.
        /// </summary>
        public Task<ImmutableArray<Diagnostic>> CompileWithHollowAnalyzersBesideControlAsync(CancellationToken cancellationToken = default)
        {
            return RunAnalyzersAsync(HollowAnalyzers().Add(new EmptyOperationAnalyzer()), cancellationToken);
        }

        /// <summary>The control's analyzer and <see cref="ListOnlyAnalyzer"/>: what making every file's operation list adds.</summary>
        public Task<ImmutableArray<Diagnostic>> CompileWithListBesideControlAsync(CancellationToken cancellationToken = default)
        {
            return RunAnalyzersAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new ListOnlyAnalyzer(), new EmptyOperationAnalyzer()), cancellationToken);
        }

        /// <summary>
        /// Every analyzer of the package together with the control's empty operation analyzer: a build that runs the SDK's
        /// code-analysis rules pays the driver's operation walk and the binding of every body anyway, so the distance from
        /// the control to here is what the package adds to such a build.
        /// </summary>
        public Task<ImmutableArray<Diagnostic>> CompileWithAnalyzersBesideControlAsync(CancellationToken cancellationToken = default)
        {
            return RunAnalyzersAsync(Analyzers.Add(new EmptyOperationAnalyzer()), cancellationToken);
        }

        /// <summary>
        /// Every DLA analyzer, each in the timing wrapper, beside the control; with <paramref name="dropFindings"/> the
        /// per-file findings are counted and dropped instead of reported. The two arms differ only in the driver's handling
        /// of those findings.
        /// </summary>
        public Task<ImmutableArray<Diagnostic>> CompileWithWrappedAnalyzersBesideControlAsync(bool dropFindings, CancellationToken cancellationToken = default)
        {
            var wrapped = Analyzers.Select(a => (DiagnosticAnalyzer)new CpuTimedAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(a.GetType())!, dropFindings: dropFindings));
            return RunAnalyzersAsync(wrapped.ToImmutableArray().Add(new EmptyOperationAnalyzer()), cancellationToken);
        }

        /// <summary>The control (or, with <paramref name="rules"/>, the rules beside it) and a <see cref="RetentionProbe"/>.</summary>
        public Task<ImmutableArray<Diagnostic>> CompileWithProbeAsync(bool rules, RetentionProbe probe, CancellationToken cancellationToken = default)
        {
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer(), probe);
            return RunAnalyzersAsync(rules ? Analyzers.AddRange(analyzers) : analyzers, cancellationToken);
        }

        /// <summary>The control: the same path with one analyzer that looks at every invocation and reports nothing.</summary>
        public Task<ImmutableArray<Diagnostic>> CompileWithEmptyAnalyzerAsync(CancellationToken cancellationToken = default)
        {
            return RunAnalyzersAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer()), cancellationToken);
        }

        /// <summary>How every timed arm runs its analyzers: concurrently, exceptions left to the driver, no execution-time log.</summary>
        private CompilationWithAnalyzersOptions AnalyzerOptionsForTiming
            => new CompilationWithAnalyzersOptions(_analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);

        /// <summary>A fresh compilation of the code base analyzed by <paramref name="analyzers"/>, as every timed arm runs it.</summary>
        private Task<ImmutableArray<Diagnostic>> RunAnalyzersAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            return CreateCompilation()
                .WithAnalyzers(analyzers, AnalyzerOptionsForTiming)
                .GetAllDiagnosticsAsync(cancellationToken);
        }

        /// <summary>A new instance of every analyzer of the package with every action but compilation start doing nothing.</summary>
        private static ImmutableArray<DiagnosticAnalyzer> HollowAnalyzers()
            => Analyzers.Select(a => (DiagnosticAnalyzer)new CpuTimedAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(a.GetType())!, hollow: true)).ToImmutableArray();

        private static ImmutableArray<MetadataReference> LoadReferences(bool includeDataLibraries)
        {
            var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            var result = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (NotReferenced.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (!includeDataLibraries && DataLibraries.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                result.Add(MetadataReference.CreateFromFile(path));
            }

            return result.ToImmutable();
        }

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
