using System;
using System.Threading;
using DataLayerAnalyzers.Infrastructure;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Used by <c>--cpu</c>: times every build of the rules' shared per-file operation list (<see cref="TreeOperations"/>)
    /// where it happens, inside whichever rule asks for a file's list first, and takes that time out of the rule's row
    /// (<see cref="CpuTimedAnalyzer"/>), so that the list has a row of its own. Only the files some rule wants are listed,
    /// as in a real build.
    /// </summary>
    internal static class OperationListMeter
    {
        /// <summary>The name its row has in the <c>--cpu</c> table.</summary>
        public const string RowName = "(shared per-file operation list)";

        private static long s_nanoseconds;
        private static long s_bytes;

        [ThreadStatic]
        private static long t_nanoseconds;

        [ThreadStatic]
        private static long t_bytes;

        public static TimeSpan CpuTime => TimeSpan.FromTicks(Interlocked.Read(ref s_nanoseconds) / 100);

        public static long AllocatedBytes => Interlocked.Read(ref s_bytes);

        /// <summary>What the builds made on this thread have cost so far: a timed callback subtracts what it saw grow.</summary>
        public static (long Nanoseconds, long Bytes) OnThisThread => (t_nanoseconds, t_bytes);

        /// <summary>Starts timing the builds of one compilation.</summary>
        public static void Start()
        {
            Interlocked.Exchange(ref s_nanoseconds, 0);
            Interlocked.Exchange(ref s_bytes, 0);
            TreeOperations.BuildObserver = Measure;
        }

        public static void Stop() => TreeOperations.BuildObserver = null;

        private static TreeOperations Measure(Func<TreeOperations> build)
        {
            var start = CpuTimedAnalyzer.ThreadCpu.Nanoseconds();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                return build();
            }
            finally
            {
                var nanoseconds = CpuTimedAnalyzer.ThreadCpu.Nanoseconds() - start;
                var bytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                Interlocked.Add(ref s_nanoseconds, nanoseconds);
                Interlocked.Add(ref s_bytes, bytes);
                t_nanoseconds += nanoseconds;
                t_bytes += bytes;
            }
        }
    }
}
