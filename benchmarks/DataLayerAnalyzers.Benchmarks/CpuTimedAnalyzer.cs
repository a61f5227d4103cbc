using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A measuring wrapper, not an analyzer of its own: the wrapped analyzer declares its languages, enables concurrent
// execution, configures generated code and registers its actions through the forwarding contexts below.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Wraps an analyzer and adds up the CPU time its callbacks spend on their own thread, and the bytes they allocate there (including the binding and
    /// per-compilation indexes they trigger). Unlike the wall-clock execution-time log, this does not grow when the
    /// machine is busy: a callback waiting for a core or for a lock is not charged. Used by <c>--cpu</c>.
    /// </summary>
    internal sealed class CpuTimedAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;
        private readonly bool _hollow;
        private readonly bool _dropFindings;
        private long _nanoseconds;
        private long _bytes;

        /// <param name="inner">The analyzer measured.</param>
        /// <param name="hollow">
        /// When set, the analyzer's compilation-start actions run (they resolve types and register), but every action they
        /// register does nothing: what is left is what Roslyn's driver charges for the registrations alone.
        /// </param>
        /// <param name="dropFindings">
        /// When set, the analyzer's per-file (semantic-model) actions do all their work, but what they report is counted and
        /// dropped: what is left out is the driver's handling of the findings, which checks each one for a
        /// <c>[SuppressMessage]</c> on every declaration around it.
        /// </param>
        public CpuTimedAnalyzer(DiagnosticAnalyzer inner, bool hollow = false, bool dropFindings = false)
        {
            _inner = inner;
            _hollow = hollow;
            _dropFindings = dropFindings;
            Name = inner.GetType().Name;
        }

        /// <param name="inner">The analyzer measured.</param>
        /// <param name="name">The name its row has.</param>
        public CpuTimedAnalyzer(DiagnosticAnalyzer inner, string name)
            : this(inner)
        {
            Name = name;
        }

        public string Name { get; }

        private static int s_dropped;
        private static int s_seen;

        /// <summary>
        /// With <c>dropFindings</c>, one finding in this many is still reported (0 or 1: none is): <c>--timeline
        /// --drop-findings --keep-one-in 10</c> shows whether the driver's handling of the findings grows with their number.
        /// </summary>
        public static int KeepOneIn { get; set; }

        /// <summary>Findings dropped so far by analyzers made with <c>dropFindings</c>.</summary>
        public static int Dropped => Volatile.Read(ref s_dropped);

        public TimeSpan CpuTime => TimeSpan.FromTicks(Interlocked.Read(ref _nanoseconds) / 100);

        /// <summary>Bytes the callbacks allocated on their own threads (what the rules add to the garbage collector's work).</summary>
        public long AllocatedBytes => Interlocked.Read(ref _bytes);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedAnalysisContext(context, this));

        internal Action<T> Timed<T>(Action<T> action) => _hollow && typeof(T) != typeof(CompilationStartAnalysisContext) ? static _ => { } : argument =>
        {
            var wallStart = Timeline.On ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
            var start = ThreadCpu.Nanoseconds();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var listBefore = OperationListMeter.OnThisThread;
            try
            {
                if (_dropFindings && argument is SemanticModelAnalysisContext model)
                {
#pragma warning disable CS0618 // the constructor without a filter span: the driver's own context is not reused here
                    var keepOneIn = KeepOneIn;
                    Action<Diagnostic> report = keepOneIn > 1
                        ? diagnostic =>
                        {
                            if (Interlocked.Increment(ref s_seen) % keepOneIn == 0)
                            {
                                model.ReportDiagnostic(diagnostic);
                            }
                            else
                            {
                                Interlocked.Increment(ref s_dropped);
                            }
                        }
                        : static _ => Interlocked.Increment(ref s_dropped);
                    action((T)(object)new SemanticModelAnalysisContext(model.SemanticModel, model.Options, report, static _ => true, model.CancellationToken));
#pragma warning restore CS0618
                }
                else
                {
                    action(argument);
                }
            }
            finally
            {
                // A list this callback built is charged to the list's own row, not to this rule.
                var listAfter = OperationListMeter.OnThisThread;
                var cpu = ThreadCpu.Nanoseconds() - start;
                if (wallStart != 0)
                {
                    Timeline.Record(Name == EmptyOperationAnalyzer.RowName, wallStart, System.Diagnostics.Stopwatch.GetTimestamp(), cpu);
                }

                Interlocked.Add(ref _nanoseconds, cpu - (listAfter.Nanoseconds - listBefore.Nanoseconds));
                Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore - (listAfter.Bytes - listBefore.Bytes));
            }
        };

        private sealed class TimedAnalysisContext : AnalysisContext
        {
            private readonly AnalysisContext _context;
            private readonly CpuTimedAnalyzer _owner;

            public TimedAnalysisContext(AnalysisContext context, CpuTimedAnalyzer owner)
            {
                _context = context;
                _owner = owner;
            }

            public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
                => _context.RegisterCompilationStartAction(_owner.Timed<CompilationStartAnalysisContext>(c => action(new TimedCompilationStartContext(c, _owner))));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationAction(_owner.Timed(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(_owner.Timed(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _context.RegisterSymbolAction(_owner.Timed(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(_owner.Timed(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(_owner.Timed(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(_owner.Timed(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
                => _context.RegisterSyntaxNodeAction(_owner.Timed(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
                => _context.RegisterOperationAction(_owner.Timed(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(_owner.Timed(action));
        }

        private sealed class TimedCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _context;
            private readonly CpuTimedAnalyzer _owner;

            public TimedCompilationStartContext(CompilationStartAnalysisContext context, CpuTimedAnalyzer owner)
                : base(context.Compilation, context.Options, context.CancellationToken)
            {
                _context = context;
                _owner = owner;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationEndAction(_owner.Timed(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(_owner.Timed(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _context.RegisterSymbolAction(_owner.Timed(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(_owner.Timed(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(_owner.Timed(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(_owner.Timed(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
                => _context.RegisterSyntaxNodeAction(_owner.Timed(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
                => _context.RegisterOperationAction(_owner.Timed(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(_owner.Timed(action));
        }

        /// <summary>The CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>; elsewhere wall-clock ticks as a fallback).</summary>
        internal static class ThreadCpu
        {
            private const int ClockProcessCpuTimeId = 2;
            private const int ClockThreadCpuTimeId = 3;

            public static bool IsThreadCpuTime { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

            /// <summary>The CPU time of the whole process, every thread (Linux <c>CLOCK_PROCESS_CPUTIME_ID</c>; elsewhere 0).</summary>
            public static long ProcessNanoseconds()
            {
                if (!IsThreadCpuTime)
                {
                    return 0;
                }

                clock_gettime(ClockProcessCpuTimeId, out var time);
                return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
            }

            public static long Nanoseconds()
            {
                if (!IsThreadCpuTime)
                {
                    return System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000_000L / System.Diagnostics.Stopwatch.Frequency);
                }

                clock_gettime(ClockThreadCpuTimeId, out var time);
                return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
            }

            [StructLayout(LayoutKind.Sequential)]
            private struct TimeSpec
            {
                public long Seconds;
                public long Nanoseconds;
            }

            [DllImport("libc", SetLastError = false)]
            private static extern int clock_gettime(int clockId, out TimeSpec time);
        }
    }
}
