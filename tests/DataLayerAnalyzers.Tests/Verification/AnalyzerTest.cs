using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

// In the tests' parent namespace on purpose: a test file's own namespace (DataLayerAnalyzers.Tests.<Family>) finds this
// class before any using directive, so a file that also imports Microsoft.CodeAnalysis.Testing (which has an
// AnalyzerTest<TVerifier> of its own) still compiles.
namespace DataLayerAnalyzers.Tests
{
    using DataLayerAnalyzers.Tests.Verification;

    /// <summary>
    /// An analyzer test on the roslyn-sdk library (<see cref="CSharpAnalyzerTest{TAnalyzer, TVerifier}"/>) with this
    /// project's settings: the real packages and stubs of <see cref="References"/>, AdditionalFiles under /src/,
    /// .globalconfig lines; the library forces every rule on. The library fails on compiler errors (unless listed), on an analyzer
    /// exception and on any unexpected or missing diagnostic; <see cref="TestSettings.VerifyGeneratedCodeSilentAsync"/>
    /// adds the generated-code check.
    /// </summary>
    public class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = TestSettings.NoReferencePack;
        }

        /// <summary>C# sources with markup; the first is Test0.cs.</summary>
        public SourceFileList Sources => TestState.Sources;

        /// <summary>Non-C# files handed to analyzers as AdditionalFiles (path relative to /src/, content with markup).</summary>
        public List<(string Path, string Content)> AdditionalFiles { get; } = new();

        /// <summary>Lines of a .globalconfig (for example <c>dotnet_code_quality.DLA1001.table_keys = Orders:OrderId</c>).</summary>
        public List<string> GlobalConfig { get; } = new();

        public OutputKind OutputKind
        {
            get => TestState.OutputKind ?? OutputKind.DynamicallyLinkedLibrary;
            set => TestState.OutputKind = value;
        }

        public ReferenceSet References { get; set; } = ReferenceSet.All;

        /// <summary>Compiler errors are a test failure unless this is set (robustness tests over broken code).</summary>
        public bool AllowCompilerErrors
        {
            get => CompilerDiagnostics == CompilerDiagnostics.None;
            set => CompilerDiagnostics = value ? CompilerDiagnostics.None : CompilerDiagnostics.Errors;
        }

        /// <summary>Re-run with every source marked auto-generated and expect silence there.</summary>
        public bool CheckGeneratedCode { get; set; } = true;

        /// <summary>roslyn-sdk template name for <see cref="AnalyzerTest{TVerifier}.RunAsync"/>.</summary>
        public Task VerifyAnalyzerAsync(CancellationToken cancellationToken = default) => RunAsync(cancellationToken);

        protected override CompilationOptions CreateCompilationOptions() => TestSettings.WithNullable(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions() => TestSettings.ParseOptions;

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestSettings.Apply(TestState, AdditionalFiles, GlobalConfig);
            var analyzers = GetDiagnosticAnalyzers().ToArray();
            TestSettings.ExpandMarkup(new[] { TestState }, MarkupOptions, GetDefaultDiagnostic(analyzers), analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray(), ImmutableArray<string>.Empty, DefaultFilePath);
            await TestSettings.RunOnReferenceSetsAsync(TestState, References, () => base.RunImplAsync(cancellationToken), CheckGeneratedCode ? () => VerifyGeneratedCodeSilentAsync(cancellationToken) : null).ConfigureAwait(false);
        }

        private Task VerifyGeneratedCodeSilentAsync(CancellationToken cancellationToken)
        {
            var analyzers = GetDiagnosticAnalyzers().ToImmutableArray();
            return TestSettings.VerifyGeneratedCodeSilentAsync(
                new GeneratedCodeCheck(
                    TestState, analyzers, MarkupOptions, GetDefaultDiagnostic(analyzers.ToArray()), DefaultFilePath, ReferenceAssemblies,
                    state => CreateProjectAsync(state, ImmutableArray<EvaluatedProjectState>.Empty, cancellationToken),
                    (c, o) => CreateCompilationWithAnalyzers(c, analyzers, o, cancellationToken),
                    GetAnalyzerOptions,
                    Verify),
                cancellationToken);
        }
    }
}
