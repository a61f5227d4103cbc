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

                // Warm-up: JIT, metadata of the references, analyzer initialization.
                codeBase.Compile();
                codeBase.CompileWithAnalyzersAsync().GetAwaiter().GetResult();

                codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult();
                if (hollow)
                {
                    codeBase.CompileWithHollowAnalyzersAsync().GetAwaiter().GetResult();
                }

                if (besideControl)
                {
                    codeBase.CompileWithAnalyzersBesideControlAsync().GetAwaiter().GetResult();
                }

                var plain = new List<double>();
                var analyzed = new List<double>();
                var control = new List<double>();
                var registrationsOnly = new List<double>();
                var beside = new List<double>();
                Allocated.Clear();
                FullCollections.Clear();
                ProcessCpu.Clear();
                for (var round = 0; round < rounds; round++)
                {
                    // ABBA order: neither side always runs first.
                    if (round % 2 == 0)
                    {
                        plain.Add(Time("plain", () => codeBase.Compile()));
                        control.Add(Time("control", () => codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult()));
                        analyzed.Add(Time("analyzed", () => codeBase.CompileWithAnalyzersAsync().GetAwaiter().GetResult()));
                        if (hollow)
                        {
                            registrationsOnly.Add(Time("hollow", () => codeBase.CompileWithHollowAnalyzersAsync().GetAwaiter().GetResult()));
                        }

                        if (besideControl)
                        {
                            beside.Add(Time("beside", () => codeBase.CompileWithAnalyzersBesideControlAsync().GetAwaiter().GetResult()));
                        }
                    }
                    else
                    {
                        if (besideControl)
                        {
                            beside.Add(Time("beside", () => codeBase.CompileWithAnalyzersBesideControlAsync().GetAwaiter().GetResult()));
                        }

                        if (hollow)
                        {
                            registrationsOnly.Add(Time("hollow", () => codeBase.CompileWithHollowAnalyzersAsync().GetAwaiter().GetResult()));
                        }

                        analyzed.Add(Time("analyzed", () => codeBase.CompileWithAnalyzersAsync().GetAwaiter().GetResult()));
                        control.Add(Time("control", () => codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult()));
                        plain.Add(Time("plain", () => codeBase.Compile()));
                    }
                }

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
        /// </summary>
        public static void RunBesidePairs(int rounds, CodeBaseKind kind, bool hollow, bool listOnly)
        {
            var what = listOnly ? "the operation list alone" : CodeBase.Analyzers.Length + " analyzers" + (hollow ? " (hollow: every action doing nothing)" : string.Empty);
            Console.WriteLine($"Beside-control pairs: {rounds} rounds, {what}, {Environment.ProcessorCount} logical cores{(LowLatency ? ", low-latency mode" : string.Empty)}");
            var codeBase = CodeBase.Create(kind);
            Func<System.Threading.Tasks.Task> besideArm = listOnly ? () => codeBase.CompileWithListBesideControlAsync()
                : hollow ? () => codeBase.CompileWithHollowAnalyzersBesideControlAsync() : () => codeBase.CompileWithAnalyzersBesideControlAsync();
            codeBase.Compile();
            codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult();
            besideArm().GetAwaiter().GetResult();
            Allocated.Clear();
            ProcessCpu.Clear();
            FullCollections.Clear();
            var plain = new List<double>();
            var control = new List<double>();
            var beside = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                if (round % 2 == 0)
                {
                    plain.Add(Time("plain", () => codeBase.Compile()));
                    control.Add(Time("control", () => codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult()));
                    beside.Add(Time("beside", () => besideArm().GetAwaiter().GetResult()));
                }
                else
                {
                    beside.Add(Time("beside", () => besideArm().GetAwaiter().GetResult()));
                    control.Add(Time("control", () => codeBase.CompileWithEmptyAnalyzerAsync().GetAwaiter().GetResult()));
                    plain.Add(Time("plain", () => codeBase.Compile()));
                }
            }

            var wall = beside.Zip(control, (b, c) => b - c).Zip(plain, (d, p) => d / p).ToList();
            var cpu = ProcessCpu["beside"].Zip(ProcessCpu["control"], (b, c) => b - c).Zip(ProcessCpu["plain"], (d, p) => d / p).ToList();
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-14} compile median {1:N0} ms, control {2:N0} ms, beside {3:N0} ms; allocated {4:N0} / {5:N0} / {6:N0} MB; full collections {7:0.0} / {8:0.0} / {9:0.0}",
                kind, Median(plain), Median(control), Median(beside), AllocatedMedian("plain"), AllocatedMedian("control"), AllocatedMedian("beside"),
                FullCollections["plain"].Average(), FullCollections["control"].Average(), FullCollections["beside"].Average()));
            foreach (var (name, values) in new[] { ("wall", wall), ("CPU", cpu) })
            {
                var mean = values.Average();
                var standardError = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) / values.Count) : double.NaN;
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-14} (beside - control) / compile, {1}: median {2:0.000}, mean {3:0.000} ± {4:0.000} (standard error), min {5:0.000}, max {6:0.000}",
                    kind, name, Median(values), mean, standardError, values.Min(), values.Max()));
            }

            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-14} each round (wall / CPU): {1}",
                kind, string.Join(" ", wall.Zip(cpu, (w, c) => string.Format(CultureInfo.InvariantCulture, "{0:0.000}/{1:0.000}", w, c)))));
        }

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
            Add(Allocated, arm, allocated / (1024.0 * 1024.0));
            Add(ProcessCpu, arm, cpu);
            return elapsed;
        }

        /// <summary>Full (generation 2) collections during each timed compilation, per arm.</summary>
        private static readonly Dictionary<string, List<double>> FullCollections = new Dictionary<string, List<double>>();

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
