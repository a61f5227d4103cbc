using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Columns;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/DataLayerAnalyzers.Benchmarks -- [--quick | --check] [BenchmarkDotNet args]</c>.
    /// --quick: 1 warm-up and 3 measured runs per case (a few minutes on 2 cores); without it 2 warm-ups and 10 runs.
    /// --paired: plain and analyzed compilations timed back to back in alternating order (4 rounds with --quick, else 10,
    /// or --rounds N; --data-layer-only skips the NoDataLibrary code base),
    /// the ratio taken per pair: the measurement to trust on a machine shared with other work. --paired --hollow also times
    /// every analyzer registered with actions that do nothing: what Roslyn charges for the registrations alone;
    /// --paired --beside-control also times every analyzer together with the control's operation analyzer: what the rules
    /// add to a build that already runs operation analyzers; --paired --low-latency times each compilation with no full
    /// (generation 2) collection inside it.
    /// --beside-pairs N: only the plain compilation, the control and the package beside the control (the last two always
    /// timed next to each other), N rounds (16 by default), with each round's (beside − control) / compile, its median,
    /// mean and standard error; with --hollow, the package's analyzers beside the control do nothing in any action: what
    /// the driver charges for the registrations alone; with --list-only, an analyzer that only makes every file's operation
    /// list runs beside the control instead; with --drop-findings, the package runs wrapped in two arms, one reporting and
    /// one dropping its per-file findings, to price the driver's handling of them.
    /// --timeline N: N compilations of DataLayer beside the control (3 by default), with when each rule's callbacks run, the
    /// cores in use and how long the compilation goes on after the last callback; --control-only runs the control alone,
    /// --drop-findings drops the rules' per-file findings and --keep-one-in K still reports one in K.
    /// --cpu: the CPU time each analyzer's callbacks take on their own threads (median of 3 or 5 runs), against the CPU
    /// time of compiling alone; it hardly moves when the machine is busy, unlike every wall-clock figure.
    /// --check: generates both code bases once, prints their size, compiler errors, what each rule reports and the time
    /// each analyzer took (Roslyn's execution-time log, summed over threads).
    /// --repeat ARM N: one arm (compile, control, rules, beside, hollow; control-retained and beside-retained also print
    /// the heap still alive at compilation end) of DataLayer (or, with --no-data-library,
    /// NoDataLibrary) after one warm-up, N times, with its time: for a sampling profiler run around the process.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Contains("--check"))
            {
                return Check();
            }

            var repeatAt = Array.IndexOf(args, "--repeat");
            if (repeatAt >= 0)
            {
                return Repeat(args.Skip(repeatAt + 1).FirstOrDefault(), args.Skip(repeatAt + 2).FirstOrDefault(), args.Contains("--no-data-library"));
            }

            if (args.Contains("--timeline"))
            {
                CpuTimedAnalyzer.KeepOneIn = PositiveNumberAfter(args, "--keep-one-in") ?? 0;
                return Timeline.Run(PositiveNumberAfter(args, "--timeline") ?? 3, args.Contains("--control-only"), args.Contains("--drop-findings"));
            }

            if (args.Contains("--cpu"))
            {
                return CpuRun.Run(args.Contains("--quick") ? 3 : 5, args.Contains("--beside-control"));
            }

            PairedRun.LowLatency = args.Contains("--low-latency");
            if (args.Contains("--beside-pairs"))
            {
                PairedRun.RunBesidePairs(PositiveNumberAfter(args, "--beside-pairs") ?? 16, args.Contains("--no-data-library") ? CodeBaseKind.NoDataLibrary : CodeBaseKind.DataLayer, args.Contains("--hollow"), args.Contains("--list-only"), args.Contains("--drop-findings"));
                return 0;
            }

            var quick = args.Contains("--quick");
            if (args.Contains("--paired"))
            {
                var rounds = PositiveNumberAfter(args, "--rounds") ?? (quick ? 4 : 10);
                var kinds = args.Contains("--data-layer-only") ? new[] { CodeBaseKind.DataLayer } : new[] { CodeBaseKind.DataLayer, CodeBaseKind.NoDataLibrary };
                PairedRun.Run(rounds, args.Contains("--hollow"), args.Contains("--beside-control"), kinds);
                return 0;
            }

            var rest = args.Where(a => a != "--quick").ToArray();
            var job = Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithLaunchCount(1)
                .WithWarmupCount(quick ? 1 : 2)
                .WithIterationCount(quick ? 3 : 10)
                .WithId(quick ? "Quick" : "Full");
            var config = DefaultConfig.Instance
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
                .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
                .WithOptions(ConfigOptions.JoinSummary);

            Console.WriteLine($"Analyzers measured: {CodeBase.Analyzers.Length} ({string.Join(", ", CodeBase.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))})");
            var summaries = BenchmarkSwitcher.FromTypes(new[] { typeof(AnalyzerCostBenchmarks) }).Run(rest.Length == 0 ? new[] { "--filter", "*" } : rest, config);
            foreach (var summary in summaries)
            {
                PrintRatios(summary);
            }

            return 0;
        }

        private static void PrintRatios(Summary summary)
        {
            Console.WriteLine();
            Console.WriteLine("Analyzer cost relative to plain compilation. The minimum is the least disturbed by other load on the machine:");
            foreach (var group in summary.Reports.Where(r => r.ResultStatistics != null)
                         .GroupBy(r => r.BenchmarkCase.Parameters["CodeBase"]?.ToString() ?? "?"))
            {
                var plain = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(AnalyzerCostBenchmarks.Compile));
                var analyzed = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(AnalyzerCostBenchmarks.CompileWithAnalyzers));
                var control = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(AnalyzerCostBenchmarks.CompileWithEmptyAnalyzer));
                if (plain == null || analyzed == null)
                {
                    continue;
                }

                if (control != null)
                {
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "  {0,-14} control: empty operation analyzer, median ratio {1:0.00}",
                        group.Key, control.ResultStatistics!.Median / plain.ResultStatistics!.Median));
                }

                foreach (var (label, pick) in new (string, Func<BenchmarkDotNet.Mathematics.Statistics, double>)[] { ("min", s => s.Min), ("median", s => s.Median), ("mean", s => s.Mean) })
                {
                    var compileMs = pick(plain.ResultStatistics!) / 1e6;
                    var analyzedMs = pick(analyzed.ResultStatistics!) / 1e6;
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "  {0,-14} {1,-6} compile {2,9:N0} ms   with analyzers {3,9:N0} ms   ratio {4:0.00} ({5:+0.0;-0.0} %)",
                        group.Key, label, compileMs, analyzedMs, analyzedMs / compileMs, (analyzedMs / compileMs - 1) * 100));
                }
            }
        }

        private static int Repeat(string? arm, string? countText, bool noDataLibrary)
        {
            var codeBase = CodeBase.Create(noDataLibrary ? CodeBaseKind.NoDataLibrary : CodeBaseKind.DataLayer);
            Func<ImmutableArray<Diagnostic>>? run = arm switch
            {
                "compile" => () => codeBase.Compile(),
                "control" => () => codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult(),
                "rules" => () => codeBase.CompileWithAnalyzersAsync().GetAwaiter().GetResult(),
                "beside" => () => codeBase.CompileWithAnalyzersBesideControlAsync().GetAwaiter().GetResult(),
                "hollow" => () => codeBase.CompileWithHollowAnalyzersAsync().GetAwaiter().GetResult(),
                "control-retained" or "beside-retained" => () =>
                {
                    var probe = new RetentionProbe();
                    var result = codeBase.CompileWithProbeAsync(arm == "beside-retained", probe).GetAwaiter().GetResult();
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "    heap at compilation end, after a full collection: {0:N0} MB", probe.HeapAtEnd / 1048576.0));
                    return result;
                },
                _ => null,
            };
            if (run is null || !int.TryParse(countText, out var count) || count < 1)
            {
                Console.Error.WriteLine("usage: --repeat compile|control|rules|beside|hollow|control-retained|beside-retained N [--no-data-library]");
                return 2;
            }

            using var gcEvents = new GcListener();
            var warmUp = run();
            Console.WriteLine($"{arm}, {codeBase.Files} files: warm-up done, {warmUp.Length} diagnostics; runs start at monotonic clock {System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency:0.000} s");
            for (var i = 0; i < count; i++)
            {
                var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
                var promoted = gcEvents.Promoted;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                run();
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  run {0}: {1:N0} ms; collections gen0 {2}, gen1 {3}, gen2 {4}, paused {5:N0} ms, promoted {6:N0} MB",
                    i + 1, watch.Elapsed.TotalMilliseconds, GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds, (gcEvents.Promoted - promoted) / 1048576.0));
            }

            return 0;
        }

        private static int Check()
        {
            var failed = false;
            Console.WriteLine($"Analyzers: {CodeBase.Analyzers.Length}");
            foreach (var kind in new[] { CodeBaseKind.DataLayer, CodeBaseKind.NoDataLibrary })
            {
                var codeBase = CodeBase.Create(kind);
                var errors = codeBase.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Console.WriteLine($"{kind}: {codeBase.Files} files, {codeBase.Lines:N0} lines, {errors.Count} compiler errors");
                foreach (var error in errors.Take(15))
                {
                    Console.WriteLine("  " + error);
                }

                failed |= errors.Count > 0;
                var (all, times) = codeBase.ProfileAnalyzersAsync().GetAwaiter().GetResult();
                foreach (var (analyzer, time) in times.OrderByDescending(t => t.Time))
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-48} {1,8:N0} ms", analyzer, time.TotalMilliseconds));
                }

                foreach (var group in all.Where(d => d.Id.StartsWith("DLA", StringComparison.Ordinal) || d.Id == "AD0001").GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    Console.WriteLine($"  {group.Key}: {group.Count()}");
                    if (group.Key == "AD0001")
                    {
                        failed = true;
                        Console.WriteLine("    " + group.First());
                    }
                }
            }

            return failed ? 1 : 0;
        }

        /// <summary>The positive whole number written after <paramref name="option"/>, or null if there is none.</summary>
        private static int? PositiveNumberAfter(string[] args, string option)
        {
            var at = Array.IndexOf(args, option);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var number) && number > 0 ? number : null;
        }
    }
}
