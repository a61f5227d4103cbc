using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// A measurement that holds up on a shared machine: plain compilation and compilation with the analyzers are
    /// timed back to back in alternating order, round after round, so a burst of load from other processes hits
    /// both sides of a pair alike. The ratio is taken per pair and the median of the pairs is reported.
    /// </summary>
    public static class PairedRun
    {
        public static void Run(int rounds, bool hollow, bool besideControl, IReadOnlyList<CodeBaseKind> kinds)
        {
            Console.WriteLine($"Paired run: {rounds} rounds per code base, {CodeBase.Analyzers.Length} analyzers, {Environment.ProcessorCount} logical cores");
            foreach (var kind in kinds)
            {
                var codeBase = CodeBase.Create(kind);

                // The arms in their order; every odd round runs them in reverse (ABBA: no arm always runs first).
                var arms = new List<(string Name, Action Compile)>
                {
                    ("plain", () => codeBase.Compile()),
                    ("control", () => codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult()),
                    ("analyzed", () => codeBase.CompileWithAnalyzersAsync().GetAwaiter().GetResult()),
                };
                if (hollow)
                {
                    arms.Add(("hollow", () => codeBase.CompileWithHollowAnalyzersAsync().GetAwaiter().GetResult()));
                }

                if (besideControl)
                {
                    arms.Add(("beside", () => codeBase.CompileWithAnalyzersBesideControlAsync().GetAwaiter().GetResult()));
                }

                var wallTimes = TimeRounds(rounds, arms);
                var plain = wallTimes["plain"];
                var analyzed = wallTimes["analyzed"];
                var control = wallTimes["control"];
                var registrationsOnly = hollow ? wallTimes["hollow"] : new List<double>();
                var beside = besideControl ? wallTimes["beside"] : new List<double>();

                var ratios = plain.Zip(analyzed, (p, a) => a / p).ToList();
                var controlRatios = plain.Zip(control, (p, c) => c / p).ToList();
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} {1} files, {2:N0} lines: compile median {3:N0} ms (min {4:N0}), with analyzers median {5:N0} ms (min {6:N0}); ratio per pair: median {7:0.00}, min {8:0.00}, max {9:0.00}",
                    kind, codeBase.Files, codeBase.Lines, Median(plain), plain.Min(), Median(analyzed), analyzed.Min(), Median(ratios), ratios.Min(), ratios.Max()));
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} control (empty operation analyzer): median {1:N0} ms (min {2:N0}); ratio per pair: median {3:0.00}, min {4:0.00}, max {5:0.00}",
                    kind, Median(control), control.Min(), Median(controlRatios), controlRatios.Min(), controlRatios.Max()));
                var distances = ratios.Zip(controlRatios, (a, c) => a - c).ToList();
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} rules' own cost (DLA ratio minus control ratio, per round): median {1:0.00}, min {2:0.00}, max {3:0.00}",
                    kind, Median(distances), distances.Min(), distances.Max()));
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} allocated per compilation (median): compile {1:N0} MB, control {2:N0} MB, with analyzers {3:N0} MB{4}",
                    kind,
                    AllocatedMedian("plain"),
                    AllocatedMedian("control"),
                    AllocatedMedian("analyzed"),
                    hollow ? string.Format(CultureInfo.InvariantCulture, ", hollow {0:N0} MB", AllocatedMedian("hollow")) : string.Empty));
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} process CPU per compilation (median, every thread): compile {1:N0} ms, control {2:N0} ms, with analyzers {3:N0} ms{4}",
                    kind,
                    CpuMedian("plain"),
                    CpuMedian("control"),
                    CpuMedian("analyzed"),
                    hollow ? string.Format(CultureInfo.InvariantCulture, ", hollow {0:N0} ms", CpuMedian("hollow")) : string.Empty));
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} full (gen 2) collections per compilation (mean{1}): {2}",
                    kind,
                    LowLatency ? ", low-latency mode" : string.Empty,
                    string.Join(", ", FullCollections.Select(pair => string.Format(CultureInfo.InvariantCulture, "{0} {1:0.0}", pair.Key, pair.Value.Average())))));
                var cpuDistances = ProcessCpu["plain"].Zip(ProcessCpu["analyzed"].Zip(ProcessCpu["control"], (a, c) => a - c), (p, d) => d / p).ToList();
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} rules' own CPU (DLA minus control process CPU over compile CPU, per round): median {1:0.000}, min {2:0.000}, max {3:0.000}",
                    kind, Median(cpuDistances), cpuDistances.Min(), cpuDistances.Max()));
                if (hollow)
                {
                    var hollowRatios = plain.Zip(registrationsOnly, (p, h) => h / p).ToList();
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "  {0,-14} registrations only (every DLA action hollow): median {1:N0} ms (min {2:N0}); ratio per pair: median {3:0.00}, min {4:0.00}, max {5:0.00}",
                        kind, Median(registrationsOnly), registrationsOnly.Min(), Median(hollowRatios), hollowRatios.Min(), hollowRatios.Max()));
                }

                if (besideControl)
                {
                    // What a build that already runs an operation analyzer (the SDK's code-analysis rules) pays on top.
                    var besideRatios = plain.Zip(beside, (p, b) => b / p).ToList();
                    var besideDistances = besideRatios.Zip(controlRatios, (b, c) => b - c).ToList();
                    var besideCpu = ProcessCpu["plain"].Zip(ProcessCpu["beside"].Zip(ProcessCpu["control"], (b, c) => b - c), (p, d) => d / p).ToList();
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "  {0,-14} beside the control (the empty operation analyzer and every DLA analyzer together): median {1:N0} ms (min {2:N0}), {3:N0} MB, {4:N0} ms CPU; ratio per pair: median {5:0.00}, min {6:0.00}, max {7:0.00}",
                        kind, Median(beside), beside.Min(), AllocatedMedian("beside"), CpuMedian("beside"), Median(besideRatios), besideRatios.Min(), besideRatios.Max()));
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "  {0,-14} rules' own cost beside the control (that ratio minus the control's, per round): median {1:0.00}, min {2:0.00}, max {3:0.00}; in CPU terms: median {4:0.000}, min {5:0.000}, max {6:0.000}",
                        kind, Median(besideDistances), besideDistances.Min(), besideDistances.Max(), Median(besideCpu), besideCpu.Min(), besideCpu.Max()));

                    // Every round's value, so that several runs can be pooled: single runs spread too far to compare builds.
                    Console.WriteLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "  {0,-14} beside the control, each round (wall / CPU): {1}",
                        kind, string.Join(" ", besideDistances.Zip(besideCpu, (w, c) => string.Format(CultureInfo.InvariantCulture, "{0:0.000}/{1:0.000}", w, c)))));
                }
            }
        }

        /// <summary>
        /// <c>--beside-pairs N</c>: only the plain compilation, the control and the package beside the control, the last two
        /// always timed next to each other (plain, control, beside; then beside, control, plain), so that what the package
        /// adds to a build that runs an operation analyzer is read from neighbouring compilations. Prints each round's
        /// (beside − control) / plain in wall-clock and CPU terms, their median, and their mean with its standard error:
        /// on a machine whose speed drifts, the spread of single rounds is what decides how many are needed.
        /// <para>
        /// With <c>--drop-findings</c> the package runs in the timing wrapper in two arms, one reporting and one dropping
        /// its per-file findings, timed next to each other: their difference is what the driver spends on the findings
        /// once the rules are done (it checks each for a <c>[SuppressMessage]</c> on every declaration around it).
        /// </para>
        /// </summary>
        public static void RunBesidePairs(int rounds, CodeBaseKind kind, bool hollow, bool listOnly, bool dropFindings)
        {
            var what = listOnly ? "the operation list alone" : CodeBase.Analyzers.Length + " analyzers" + (hollow ? " (hollow: every action doing nothing)" : dropFindings ? " (in the timing wrapper; a second arm drops the findings)" : string.Empty);
            Console.WriteLine($"Beside-control pairs: {rounds} rounds, {what}, {Environment.ProcessorCount} logical cores{(LowLatency ? ", low-latency mode" : string.Empty)}");
            var codeBase = CodeBase.Create(kind);
            Func<System.Threading.Tasks.Task> besideArm = listOnly ? () => codeBase.CompileWithListBesideControlAsync()
                : hollow ? () => codeBase.CompileWithHollowAnalyzersBesideControlAsync()
                : dropFindings ? () => codeBase.CompileWithWrappedAnalyzersBesideControlAsync(dropFindings: false)
                : () => codeBase.CompileWithAnalyzersBesideControlAsync();
            var arms = new List<(string Name, Action Compile)>
            {
                ("plain", () => codeBase.Compile()),
                ("control", () => codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult()),
                ("beside", () => besideArm().GetAwaiter().GetResult()),
            };
            if (dropFindings)
            {
                arms.Add(("dropped", () => codeBase.CompileWithWrappedAnalyzersBesideControlAsync(dropFindings: true).GetAwaiter().GetResult()));
            }

            var wallTimes = TimeRounds(rounds, arms);
            var plain = wallTimes["plain"];
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-14} wall median (ms): {1}; allocated (MB): {2}; full collections: {3}",
                kind,
                string.Join(", ", arms.Select(a => a.Name + " " + Median(wallTimes[a.Name]).ToString("N0", CultureInfo.InvariantCulture))),
                string.Join(", ", arms.Select(a => a.Name + " " + AllocatedMedian(a.Name).ToString("N0", CultureInfo.InvariantCulture))),
                string.Join(", ", arms.Select(a => a.Name + " " + FullCollections[a.Name].Average().ToString("0.0", CultureInfo.InvariantCulture)))));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-14} collections (every generation): {1}; paused for collections (median ms): {2}",
                kind,
                string.Join(", ", arms.Select(a => a.Name + " " + Collections[a.Name].Average().ToString("0.0", CultureInfo.InvariantCulture))),
                string.Join(", ", arms.Select(a => a.Name + " " + Median(GcPause[a.Name]).ToString("N0", CultureInfo.InvariantCulture)))));

            var comparisons = new List<(string Name, List<double> Values)>();
            void Compare(string minuend, string subtrahend)
            {
                comparisons.Add(($"({minuend} - {subtrahend}) / compile, wall", Per(wallTimes[minuend], wallTimes[subtrahend], plain)));
                comparisons.Add(($"({minuend} - {subtrahend}) / compile, CPU", Per(ProcessCpu[minuend], ProcessCpu[subtrahend], ProcessCpu["plain"])));
                comparisons.Add(($"({minuend} - {subtrahend}) / compile, GC pause", Per(GcPause[minuend], GcPause[subtrahend], plain)));
            }

            Compare("beside", "control");
            if (dropFindings)
            {
                Compare("dropped", "control");
                Compare("beside", "dropped");
            }

            foreach (var (name, values) in comparisons)
            {
                var mean = values.Average();
                var standardError = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) / values.Count) : double.NaN;
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} {1}: median {2:0.000}, mean {3:0.000} ± {4:0.000} (standard error), min {5:0.000}, max {6:0.000}",
                    kind, name, Median(values), mean, standardError, values.Min(), values.Max()));
            }

            var wall = comparisons[0].Values;
            var cpu = comparisons[1].Values;
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-14} each round, beside - control (wall / CPU): {1}",
                kind, string.Join(" ", wall.Zip(cpu, (w, c) => string.Format(CultureInfo.InvariantCulture, "{0:0.000}/{1:0.000}", w, c)))));
        }

        /// <summary>
        /// Compiles with every arm once to warm up (JIT, metadata of the references, analyzer initialization), clears the
        /// per-arm records, then times <paramref name="rounds"/> rounds: the arms in order, and in reverse every odd round,
        /// so that no arm always runs first or last. Returns each arm's wall-clock times.
        /// </summary>
        private static Dictionary<string, List<double>> TimeRounds(int rounds, IReadOnlyList<(string Name, Action Compile)> arms)
        {
            foreach (var (_, compile) in arms)
            {
                compile();
            }

            Allocated.Clear();
            ProcessCpu.Clear();
            FullCollections.Clear();
            Collections.Clear();
            GcPause.Clear();
            var wallTimes = arms.ToDictionary(a => a.Name, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < arms.Count; i++)
                {
                    var (name, compile) = arms[round % 2 == 0 ? i : arms.Count - 1 - i];
                    wallTimes[name].Add(Time(name, compile));
                }
            }

            return wallTimes;
        }

        /// <summary>Per round: (<paramref name="minuend"/> − <paramref name="subtrahend"/>) / <paramref name="divisor"/>.</summary>
        private static List<double> Per(List<double> minuend, List<double> subtrahend, List<double> divisor)
            => minuend.Zip(subtrahend, (m, s) => m - s).Zip(divisor, (d, p) => d / p).ToList();

        /// <summary>Bytes allocated by the whole process (every thread) during each timed compilation, per arm.</summary>
        private static readonly Dictionary<string, List<double>> Allocated = new Dictionary<string, List<double>>();

        /// <summary>
        /// With <c>--low-latency</c> each timed compilation runs in <see cref="System.Runtime.GCLatencyMode.LowLatency"/>:
        /// the collector makes no full (generation 2) collection unless memory runs short. Whether one or three of those
        /// fall into a compilation depends on the heap's history more than on the arm, and moves single rounds by more
        /// than the rules cost; the young collections, which grow with what an arm allocates, still happen.
        /// </summary>
        public static bool LowLatency { get; set; }

        private static double Time(string arm, Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var latency = System.Runtime.GCSettings.LatencyMode;
            if (LowLatency)
            {
                System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.LowLatency;
            }

            var gen2Before = GC.CollectionCount(2);
            var youngBefore = GC.CollectionCount(0);
            var pauseBefore = GC.GetTotalPauseDuration();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            action();
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            System.Runtime.GCSettings.LatencyMode = latency;
            Add(FullCollections, arm, GC.CollectionCount(2) - gen2Before);
            Add(Collections, arm, GC.CollectionCount(0) - youngBefore);
            Add(GcPause, arm, (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            Add(Allocated, arm, allocated / (1024.0 * 1024.0));
            Add(ProcessCpu, arm, cpu);
            return elapsed;
        }

        /// <summary>Full (generation 2) collections during each timed compilation, per arm.</summary>
        private static readonly Dictionary<string, List<double>> FullCollections = new Dictionary<string, List<double>>();

        /// <summary>Collections of any generation during each timed compilation, per arm.</summary>
        private static readonly Dictionary<string, List<double>> Collections = new Dictionary<string, List<double>>();

        /// <summary>Time the runtime was paused for collections during each timed compilation, per arm.</summary>
        private static readonly Dictionary<string, List<double>> GcPause = new Dictionary<string, List<double>>();

        /// <summary>CPU time of the whole process (every thread) during each timed compilation, per arm.</summary>
        private static readonly Dictionary<string, List<double>> ProcessCpu = new Dictionary<string, List<double>>();

        private static void Add(Dictionary<string, List<double>> perArm, string arm, double value)
        {
            if (!perArm.TryGetValue(arm, out var list))
            {
                perArm[arm] = list = new List<double>();
            }

            list.Add(value);
        }

        private static double CpuMedian(string arm) => ProcessCpu.TryGetValue(arm, out var list) && list.Count > 0 ? Median(list) : double.NaN;

        private static double AllocatedMedian(string arm) => Allocated.TryGetValue(arm, out var list) && list.Count > 0 ? Median(list) : double.NaN;

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
