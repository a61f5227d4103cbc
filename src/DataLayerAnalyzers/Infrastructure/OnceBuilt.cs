using System;
using System.Threading;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// A per-compilation index built on first need and at most once: other threads wait for the first build rather than
    /// repeat the pass, and a cancelled build caches nothing. The build delegate takes its inputs as state, so a static
    /// lambda allocates nothing on the fast path.
    /// </summary>
    internal static class OnceBuilt
    {
        public static T Get<T, TState>(ref T? field, object gate, TState state, Func<TState, T> build)
            where T : class
        {
            var value = Volatile.Read(ref field);
            if (value != null)
            {
                return value;
            }

            lock (gate)
            {
                value = field;
                if (value is null)
                {
                    value = build(state);
                    Volatile.Write(ref field, value);
                }

                return value;
            }
        }
    }
}
