using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--cpu</c>: the rules' own cost as CPU time, which a busy machine barely changes (a thread waiting for a core is
    /// not charged). Per code base and run: the process CPU time of compiling alone (every thread of the compiler), then
    /// one analyzed compilation with each analyzer's callbacks timed on their own threads. Prints the median per analyzer,
    /// their sum, and the sum as a share of the compile CPU time; the findings per rule are printed to show that every
    /// run found the same.
    /// </summary>
    internal static class CpuRun
    {
        public static int Run(int rounds, bool besideControl)
        {
            if (!CpuTimedAnalyzer.ThreadCpu.IsThreadCpuTime)
            {
                Console.WriteLine("Thread CPU time is read on Linux only; the figures below are wall-clock time.");
            }

            var failed = false;
            foreach (var kind in new[] { CodeBaseKind.DataLayer, CodeBaseKind.NoDataLibrary })
            {
                var codeBase = CodeBase.Create(kind);
                var compileCpu = new List<double>();
                var perAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
                var allocatedPerAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
                var allocatedSums = new List<double>();
                var sums = new List<double>();
                string? findings = null;
                for (var round = 0; round < rounds; round++)
                {
                    var before = Process.GetCurrentProcess().TotalProcessorTime;
                    codeBase.Compile();
                    compileCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);

                    var (diagnostics, times) = codeBase.CpuProfileAnalyzersAsync(besideControl).GetAwaiter().GetResult();
                    foreach (var (analyzer, time, bytes) in times)
                    {
                        Add(perAnalyzer, analyzer, time.TotalMilliseconds);
                        Add(allocatedPerAnalyzer, analyzer, bytes / (1024.0 * 1024.0));
                    }

                    var rules = times.Where(t => t.Analyzer != OperationListMeter.RowName && t.Analyzer != EmptyOperationAnalyzer.RowName).ToList();
                    sums.Add(rules.Sum(t => t.CpuTime.TotalMilliseconds));
                    allocatedSums.Add(rules.Sum(t => t.AllocatedBytes) / (1024.0 * 1024.0));
                    var summary = string.Join(" ", diagnostics.Where(d => d.Id.StartsWith("DLA", StringComparison.Ordinal) || d.Id == "AD0001")
                        .GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
                    if (findings != null && findings != summary)
                    {
                        Console.WriteLine($"  run {round + 1} found something else: {summary}");
                        failed = true;
                    }

                    findings ??= summary;
                    failed |= summary.Contains("AD0001", StringComparison.Ordinal);
                }

                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: {1} files, {2:N0} lines; compile alone {3:N0} ms CPU (median of {4}); all rules {5:N0} ms CPU = {6:0.0} % of it, {7:N1} MB allocated",
                    kind, codeBase.Files, codeBase.Lines, Median(compileCpu), rounds, Median(sums), 100 * Median(sums) / Median(compileCpu), Median(allocatedSums)));
                foreach (var (analyzer, list) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-48} {1,8:N0} ms  {2,6:N1} MB  (runs: {3})", analyzer, Median(list), Median(allocatedPerAnalyzer[analyzer]), string.Join(", ", list.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))));
                }

                Console.WriteLine("  findings: " + (string.IsNullOrEmpty(findings) ? "none" : findings));
            }

            return failed ? 1 : 0;
        }

        private static void Add(Dictionary<string, List<double>> perAnalyzer, string analyzer, double value)
        {
            if (!perAnalyzer.TryGetValue(analyzer, out var list))
            {
                perAnalyzer[analyzer] = list = new List<double>();
            }

            list.Add(value);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
