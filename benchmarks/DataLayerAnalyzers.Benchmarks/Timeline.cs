using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--timeline N</c>: when, within a compilation beside the control, the rules' callbacks run, and how much of their
    /// wall-clock time is CPU time on their own thread (the rest is waiting: for a core, a lock, a collection or an index
    /// another thread is building). Every analyzer runs in <see cref="CpuTimedAnalyzer"/>, which stamps each callback.
    /// Per compilation it prints: the rules' callbacks (wall and CPU time added up, when the first began and the last
    /// ended), when the control's last callback ended, the rules' busy time after it, how long two or more rules' callbacks
    /// ran at once, and how long the compilation went on after the last callback of all; then the compilation cut into
    /// twenty slices, with the busy time of the rules and of the control in each (added over threads, so up to the number
    /// of cores times the slice), and the rules' busy time per thread. <c>--control-only</c> runs the control alone;
    /// <c>--drop-findings</c> has the rules' per-file actions drop their findings instead of reporting them, and with
    /// <c>--keep-one-in K</c> report one in K of them.
    /// </summary>
    internal static class Timeline
    {
        private const int Slices = 20;
        private const int BucketMilliseconds = 5;
        private const int Buckets = 24_000;

        private static readonly long[] s_rules = new long[Buckets];
        private static readonly long[] s_control = new long[Buckets];
        private static long s_start;
        private static long s_rulesWall;
        private static long s_rulesCpu;
        private static long s_rulesCallbacks;
        private static long s_lastControl;
        private static long s_firstRule;
        private static long s_lastRule;
        private static readonly System.Collections.Concurrent.ConcurrentQueue<(long Start, long End)> s_intervals = new System.Collections.Concurrent.ConcurrentQueue<(long, long)>();
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> s_rulesByThread = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();

        /// <summary>Whether callbacks are being recorded; read by <see cref="CpuTimedAnalyzer"/> on every callback.</summary>
        public static bool On { get; private set; }

        private static long TicksPerBucket => Stopwatch.Frequency * BucketMilliseconds / 1000;

        public static int Run(int rounds, bool controlOnly, bool dropFindings)
        {
            var codeBase = CodeBase.Create(CodeBaseKind.DataLayer);
            codeBase.CpuProfileAnalyzersAsync(besideControl: true, rules: !controlOnly, dropFindings: dropFindings).GetAwaiter().GetResult();
            Console.WriteLine($"Timeline {(controlOnly ? "of the control alone" : "beside the control")}: {rounds} compilations of {codeBase.Lines:N0} lines, {Environment.ProcessorCount} logical cores; busy ms per {100 / Slices} % slice (rules / control / cores the process used)");
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                Array.Clear(s_rules);
                Array.Clear(s_control);
                s_rulesWall = s_rulesCpu = s_rulesCallbacks = s_lastControl = s_lastRule = 0;
                s_firstRule = long.MaxValue;
                s_rulesByThread.Clear();
                s_intervals.Clear();
                var pauseBefore = GC.GetTotalPauseDuration();
                var collectionsBefore = GC.CollectionCount(0);
                Array.Clear(s_processCpu);
                s_start = Stopwatch.GetTimestamp();
                On = true;
                var sampler = new Thread(SampleProcessCpu) { IsBackground = true, Name = "timeline sampler" };
                sampler.Start();
                codeBase.CpuProfileAnalyzersAsync(besideControl: true, rules: !controlOnly, dropFindings: dropFindings).GetAwaiter().GetResult();
                On = false;
                sampler.Join();
                var end = Stopwatch.GetTimestamp() - s_start;
                var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
                var collections = GC.CollectionCount(0) - collectionsBefore;
                Print(round, end, pause, collections);
                if (dropFindings)
                {
                    Console.WriteLine($"    findings dropped so far: {CpuTimedAnalyzer.Dropped:N0}");
                }
            }

            return 0;
        }

        /// <summary>The process's CPU time per bucket, in nanoseconds, read by a sampling thread every bucket.</summary>
        private static readonly long[] s_processCpu = new long[Buckets];

        private static void SampleProcessCpu()
        {
            var perBucket = TicksPerBucket;
            var previousCpu = CpuTimedAnalyzer.ThreadCpu.ProcessNanoseconds();
            var previousBucket = 0L;
            while (On)
            {
                Thread.Sleep(BucketMilliseconds);
                var bucket = Math.Min(Buckets - 1, (Stopwatch.GetTimestamp() - s_start) / perBucket);
                var cpu = CpuTimedAnalyzer.ThreadCpu.ProcessNanoseconds();

                // Spread what was used since the last reading over the buckets it covers.
                var span = Math.Max(1, bucket - previousBucket);
                for (var b = previousBucket; b < previousBucket + span && b < Buckets; b++)
                {
                    s_processCpu[b] += (cpu - previousCpu) / span;
                }

                previousCpu = cpu;
                previousBucket = bucket;
            }
        }

        /// <summary>Adds one callback that ran from <paramref name="start"/> to <paramref name="end"/> (stopwatch timestamps).</summary>
        public static void Record(bool control, long start, long end, long cpuNanoseconds)
        {
            start -= s_start;
            end -= s_start;
            if (start < 0 || end < start)
            {
                return;
            }

            var buckets = control ? s_control : s_rules;
            var perBucket = TicksPerBucket;
            for (var bucket = start / perBucket; bucket <= end / perBucket && bucket < Buckets; bucket++)
            {
                var from = Math.Max(start, bucket * perBucket);
                var to = Math.Min(end, (bucket + 1) * perBucket);
                Interlocked.Add(ref buckets[bucket], to - from);
            }

            if (control)
            {
                Max(ref s_lastControl, end);
                return;
            }

            s_intervals.Enqueue((start, end));
            s_rulesByThread.AddOrUpdate(Environment.CurrentManagedThreadId, end - start, (_, busy) => busy + end - start);
            Interlocked.Add(ref s_rulesWall, end - start);
            Interlocked.Add(ref s_rulesCpu, cpuNanoseconds);
            Interlocked.Increment(ref s_rulesCallbacks);
            Max(ref s_lastRule, end);
            Min(ref s_firstRule, start);
        }

        private static void Max(ref long location, long value)
        {
            for (var seen = Volatile.Read(ref location); value > seen; seen = Volatile.Read(ref location))
            {
                if (Interlocked.CompareExchange(ref location, value, seen) == seen)
                {
                    return;
                }
            }
        }

        private static void Min(ref long location, long value)
        {
            for (var seen = Volatile.Read(ref location); value < seen; seen = Volatile.Read(ref location))
            {
                if (Interlocked.CompareExchange(ref location, value, seen) == seen)
                {
                    return;
                }
            }
        }

        private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

        private static void Print(int round, long end, double pause, int collections)
        {
            var perBucket = TicksPerBucket;
            var lastBucket = (int)Math.Min(Buckets - 1, end / perBucket);
            var slices = Enumerable.Range(0, Slices).Select(slice =>
            {
                var from = (int)((long)slice * (lastBucket + 1) / Slices);
                var to = (int)((long)(slice + 1) * (lastBucket + 1) / Slices);
                long rules = 0, control = 0, process = 0;
                for (var b = from; b < to; b++)
                {
                    rules += s_rules[b];
                    control += s_control[b];
                    process += s_processCpu[b];
                }

                var cores = process / 1e6 / Math.Max(1, (to - from) * BucketMilliseconds);
                return string.Format(CultureInfo.InvariantCulture, "{0:0}/{1:0}/{2:0.0}", Ms(rules), Ms(control), cores);
            });
            long afterControl = 0;
            for (var b = (int)(s_lastControl / perBucket) + 1; b <= lastBucket; b++)
            {
                afterControl += s_rules[b];
            }

            var rules = s_rulesCallbacks == 0 ? "no rules' callbacks" : string.Format(
                CultureInfo.InvariantCulture,
                "rules' callbacks {0:N0}: wall {1:N0} ms, CPU {2:N0} ms, first at {3:N0} ms, last ends {4:N0} ms",
                s_rulesCallbacks, Ms(s_rulesWall), s_rulesCpu / 1e6, Ms(s_firstRule), Ms(s_lastRule));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  round {0}: {1:N0} ms; GC {2} collections, {3:N0} ms paused; {4}; control's last ends {5:N0} ms; rules busy after it {6:N0} ms and running {7:N0} ms longer; compilation ends {8:N0} ms after the last callback",
                round + 1, Ms(end), collections, pause, rules, Ms(s_lastControl), Ms(afterControl), Ms(Math.Max(0, s_lastRule - s_lastControl)), Ms(end - Math.Max(s_lastControl, s_lastRule))));
            Console.WriteLine("    " + string.Join(" ", slices));
            // How long two or more of the rules' callbacks ran at the same time.
            var edges = s_intervals.SelectMany(i => new[] { (At: i.Start, Delta: 1), (At: i.End, Delta: -1) }).OrderBy(e => e.At).ThenBy(e => e.Delta).ToList();
            long overlapped = 0, previous = 0;
            var running = 0;
            foreach (var (at, delta) in edges)
            {
                if (running >= 2)
                {
                    overlapped += at - previous;
                }

                running += delta;
                previous = at;
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "    two or more rules' callbacks at once: {0:N0} ms", Ms(overlapped)));
            Console.WriteLine("    rules' busy ms by thread: " + string.Join(", ", s_rulesByThread.OrderByDescending(p => p.Value).Select(p => string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0}", p.Key, Ms(p.Value)))));
        }
    }
}
