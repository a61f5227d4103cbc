using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.Robustness
{
    /// <summary>Every analyzer the package ships, found by reflection so new rules are covered without a list to maintain.</summary>
    public static class AllAnalyzers
    {
        public static ImmutableArray<DiagnosticAnalyzer> Create()
        {
            return typeof(ConnectionStringAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                    && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        /// <summary>
        /// A library compilation of <paramref name="sources"/> against every test reference (real packages and stubs), with
        /// every rule of the package forced on as a warning, so rules that are off by default run too.
        /// </summary>
        public static CSharpCompilation Compile(ImmutableArray<DiagnosticAnalyzer> analyzers, params string[] sources)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, "/src/Test" + i + ".cs"));
            return CSharpCompilation.Create(
                "Robustness",
                trees,
                TestReferences.Get(ReferenceSet.All),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                        .Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn))));
        }

        /// <summary>
        /// Runs <paramref name="analyzers"/> concurrently over the compilation and fails the test on any analyzer exception
        /// (reported through the callback or as AD0001). Returns the analyzers' diagnostics in a stable order.
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken = default)
        {
            var exceptions = new List<string>();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles),
                onAnalyzerException: (ex, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(analyzer.GetType().Name + " threw: " + ex.GetType().Name + ": " + ex.Message);
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).Concat(exceptions).ToList();
            Assert.True(crashes.Count == 0, "An analyzer threw (AD0001):\n" + string.Join("\n", crashes));
            return diagnostics
                .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.GetMessage(), StringComparer.Ordinal)
                .ToImmutableArray();
        }

        /// <summary>The repository root: the folder that holds DataLayerAnalyzers.sln.</summary>
        public static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "DataLayerAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("DataLayerAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
