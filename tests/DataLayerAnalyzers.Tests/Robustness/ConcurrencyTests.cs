using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The analyzers run concurrently (EnableConcurrentExecution) and share per-compilation caches. Running the whole set
    /// many times at once over the same compilations must give the same diagnostics every time.
    /// </summary>
    public class ConcurrencyTests
    {
        private const int Runs = 20;

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = AllAnalyzers.Create();

        [Fact]
        public async Task TwentyParallelRunsOverTheSameCompilations_GiveIdenticalDiagnostics()
        {
            var samples = Path.Combine(AllAnalyzers.RepositoryRoot(), "samples");
            var ledgerFolder = Path.Combine(samples, "BankingLedger");
            var ledger = AllAnalyzers.Compile(Analyzers, SourcesUnder(ledgerFolder));
            var ledgerSettings = Directory.GetFiles(ledgerFolder, "appsettings*.json")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (AdditionalText)new InMemoryAdditionalText("/src/" + Path.GetFileName(f), File.ReadAllText(f)))
                .ToImmutableArray();
            var provisioning = AllAnalyzers.Compile(Analyzers, File.ReadAllText(Path.Combine(samples, "Provisioning", "Program.cs")));
            var compilations = new[] { (ledger, ledgerSettings), (provisioning, ImmutableArray<AdditionalText>.Empty) };

            // Every run starts at once on the thread pool, over the same Compilation objects and analyzer instances.
            var runs = await Task.WhenAll(Enumerable.Range(0, Runs).Select(_ => Task.Run(async () =>
            {
                var perCompilation = await Task.WhenAll(compilations.Select(c => AllAnalyzers.RunAsync(c.Item1, Analyzers, c.Item2)));
                // Sorted on the whole description: the order in which the driver hands back diagnostics is not the question.
                return perCompilation.SelectMany(d => d).Select(Describe).OrderBy(d => d, StringComparer.Ordinal).ToImmutableArray();
            })));

            var first = runs[0];
            var rules = first.Select(d => d.Split('|')[0]).Distinct().Count();
            Assert.True(rules >= 8, "the samples should produce findings of many rules, got " + rules + ":\n" + string.Join("\n", first));
            for (var i = 1; i < runs.Length; i++)
            {
                var missing = first.Except(runs[i]).ToList();
                var extra = runs[i].Except(first).ToList();
                Assert.True(first.SequenceEqual(runs[i]), $"run {i} differs from run 0:\nonly in run 0:\n{string.Join("\n", missing)}\nonly in run {i}:\n{string.Join("\n", extra)}\ncounts {first.Length} / {runs[i].Length}");
            }
        }

        private static string[] SourcesUnder(string folder)
            => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .ToArray();

        private static string Describe(Diagnostic diagnostic)
            => string.Join("|", diagnostic.Id, diagnostic.Location.GetLineSpan().ToString(), diagnostic.Severity, diagnostic.GetMessage(),
                string.Join(",", diagnostic.AdditionalLocations.Select(l => l.GetLineSpan().ToString())),
                string.Join(",", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)));
    }
}
