using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>
    /// What this project's tests need, expressed as settings of the roslyn-sdk test library: shared by
    /// <see cref="AnalyzerTest{TAnalyzer}"/> and <see cref="CodeFixTest{TAnalyzer, TFixer}"/>, which cannot share a base class.
    /// </summary>
    public static class TestSettings
    {
        /// <summary>Folder of the test project: relative AdditionalFiles paths are placed under it.</summary>
        public const string ProjectFolder = "/src/";

        /// <summary>
        /// No reference pack: the framework comes with <see cref="TestReferences"/> as the runtime's own assemblies
        /// (.NET 10 and ASP.NET Core), the ones the real packages were built against; nothing is downloaded at test time.
        /// </summary>
        public static readonly ReferenceAssemblies NoReferencePack = new("net10.0");

        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        /// <summary>Nullable annotations on, as in the projects the rules run on. (The library itself forces every rule on, the off-by-default ones included.)</summary>
        public static CompilationOptions WithNullable(CompilationOptions options) => ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

        /// <summary>Adds the AdditionalFiles and the .globalconfig lines to a test's state just before it runs.</summary>
        public static void Apply(SolutionState state, IReadOnlyList<(string Path, string Content)> additionalFiles, IReadOnlyList<string> globalConfig)
        {
            foreach (var (path, content) in additionalFiles)
            {
                state.AdditionalFiles.Add((path.StartsWith("/", StringComparison.Ordinal) ? path : ProjectFolder + path, content));
            }

            if (globalConfig.Count > 0)
            {
                state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", globalConfig) + "\n"));
            }
        }

        /// <summary>
        /// Extension: expands the markup of each state with the library's own processing and lets the expected
        /// diagnostics ignore additional locations. The rules attach extra locations for their fixers; the tests state
        /// where a finding is reported (<c>[|…|]</c>), not those.
        /// </summary>
        public static void ExpandMarkup(IEnumerable<SolutionState> states, MarkupOptions options, DiagnosticDescriptor? defaultDiagnostic, ImmutableArray<DiagnosticDescriptor> supported, ImmutableArray<string> fixable, string defaultPath)
        {
            foreach (var state in states)
            {
                if (state.Sources.Count == 0 && state.AdditionalFiles.Count == 0 && state.ExpectedDiagnostics.Count == 0)
                {
                    continue;
                }

                var processed = state.WithInheritedValuesApplied(null, fixable).WithProcessedMarkup(options, defaultDiagnostic, supported, fixable, defaultPath);
                state.Sources.Clear();
                state.Sources.AddRange(processed.Sources);
                state.AdditionalFiles.Clear();
                state.AdditionalFiles.AddRange(processed.AdditionalFiles);
                state.ExpectedDiagnostics.Clear();
                state.ExpectedDiagnostics.AddRange(processed.ExpectedDiagnostics.Select(d => d.WithOptions(d.Options | DiagnosticOptions.IgnoreAdditionalLocations)));
                state.MarkupHandling = MarkupMode.None;
            }
        }

        /// <summary>
        /// Runs the library's test once per reference set the test runs on (<see cref="TestReferences.RunsOf"/>), each
        /// followed by <paramref name="afterRun"/>; a failure on a second set names that set.
        /// </summary>
        public static async Task RunOnReferenceSetsAsync(SolutionState state, ReferenceSet requested, Func<Task> run, Func<Task>? afterRun)
        {
            var own = state.AdditionalReferences.ToList();
            foreach (var set in TestReferences.RunsOf(requested, state.Sources.Select(s => s.content.ToString())).ToList())
            {
                state.AdditionalReferences.AddRange(TestReferences.Get(set));
                try
                {
                    await run().ConfigureAwait(false);
                    if (afterRun != null)
                    {
                        await afterRun().ConfigureAwait(false);
                    }
                }
                catch (InvalidOperationException ex) when (set != requested)
                {
                    throw new InvalidOperationException($"On reference set {set}: {ex.Message}", ex);
                }
                finally
                {
                    state.AdditionalReferences.Clear();
                    state.AdditionalReferences.AddRange(own);
                }
            }
        }

        /// <summary>
        /// Extension (the library skips its generated-code check for analyzers that configure generated-code analysis, as
        /// ours all do): the test's sources marked <c>// &lt;auto-generated/&gt;</c> must get no finding in C# code.
        /// </summary>
        public static async Task VerifyGeneratedCodeSilentAsync(GeneratedCodeCheck check, CancellationToken cancellationToken)
        {
            var state = check.TestState.WithInheritedValuesApplied(null, ImmutableArray<string>.Empty).WithProcessedMarkup(
                check.MarkupOptions, check.DefaultDiagnostic, check.Analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray(), ImmutableArray<string>.Empty, check.DefaultPath);
            var project = await check.CreateProject(new EvaluatedProjectState(state, check.ReferenceAssemblies)).ConfigureAwait(false);
            var solution = project.Solution;
            foreach (var document in project.Documents)
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                solution = solution.WithDocumentText(document.Id, text.Replace(0, 0, "// <auto-generated/>\n"));
            }

            var generated = solution.GetProject(project.Id)!;
            var compilation = (await generated.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var diagnostics = await check.CreateCompilationWithAnalyzers(compilation, check.AnalyzerOptions(generated)).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var inCode = diagnostics.Where(d => d.Location.IsInSource && check.Analyzers.Any(a => a.SupportedDiagnostics.Any(s => s.Id == d.Id))).ToList();
            check.Verifier.Empty("diagnostics in <auto-generated> code", inCode.Select(d => d.ToString()));
        }
    }

    /// <summary>What <see cref="TestSettings.VerifyGeneratedCodeSilentAsync"/> needs of a test (protected members of the library's classes).</summary>
    public sealed record GeneratedCodeCheck(
        SolutionState TestState,
        ImmutableArray<DiagnosticAnalyzer> Analyzers,
        MarkupOptions MarkupOptions,
        DiagnosticDescriptor? DefaultDiagnostic,
        string DefaultPath,
        ReferenceAssemblies ReferenceAssemblies,
        Func<EvaluatedProjectState, Task<Project>> CreateProject,
        Func<Compilation, AnalyzerOptions, CompilationWithAnalyzers> CreateCompilationWithAnalyzers,
        Func<Project, AnalyzerOptions> AnalyzerOptions,
        IVerifier Verifier);
}
