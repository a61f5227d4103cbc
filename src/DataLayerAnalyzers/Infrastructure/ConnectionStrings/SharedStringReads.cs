using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// What the connection-string rules learn about one string expression, learned once for all of them: its resolved
    /// value, its reading with each provider and, for a standalone string, its candidate providers. Every rule of the family asks the same
    /// questions of the same operation; the first one pays and the others reuse the answer. Entries hang on the
    /// operation (a weak key), so they live exactly as long as the compilation's operation trees. Every answer is a pure
    /// function of the operation, so a race only computes the same answer twice; a cancelled read stores nothing.
    /// </summary>
    internal static class SharedStringReads
    {
        private static readonly ConditionalWeakTable<IOperation, Entry> Entries = new ConditionalWeakTable<IOperation, Entry>();

        private sealed class Entry
        {
            public Entry(ResolvedString? resolved)
            {
                Resolved = resolved;
            }

            public ResolvedString? Resolved { get; }

            public readonly ConnectionStringInfo?[] Infos = new ConnectionStringInfo?[(int)DbProvider.Redis + 1];
        }

        /// <summary><see cref="ValueResolver.TryResolveString"/> of <paramref name="operation"/>, resolved once.</summary>
        public static bool TryResolveString(IOperation operation, out ResolvedString value, CancellationToken cancellationToken)
        {
            var entry = GetEntry(operation, cancellationToken);
            value = entry.Resolved!;
            return entry.Resolved != null;
        }

        /// <summary>The resolved string of <paramref name="operation"/> read with <paramref name="provider"/>'s keyword rules, parsed once.</summary>
        public static ConnectionStringInfo Parse(IOperation operation, DbProvider provider, ResolvedString resolved, CancellationToken cancellationToken)
        {
            var entry = GetEntry(operation, cancellationToken);
            var index = (int)provider;
            if (!ReferenceEquals(entry.Resolved, resolved) || index < 0 || index >= entry.Infos.Length)
            {
                return ConnectionStringInfo.Parse(provider, resolved.Value);
            }

            var info = Volatile.Read(ref entry.Infos[index]);
            if (info is null)
            {
                info = ConnectionStringInfo.Parse(provider, resolved.Value);
                Volatile.Write(ref entry.Infos[index], info);
            }

            return info;
        }

        /// <summary>
        /// A whole string expression that passed the cheap syntax look (<see cref="StandaloneConnectionStrings.IsWholeString"/>,
        /// <see cref="StandaloneConnectionStrings.MayBeConnectionString"/>), read as a standalone connection string once for
        /// all rules: false when it flows straight to a sink, is one of several values of a local, cannot be resolved or
        /// no provider reads it as an unmistakable connection string.
        /// </summary>
        public static bool TryReadStandalone(IOperation operation, ConnectionStringSymbols? symbols, out ResolvedString resolved, out IReadOnlyList<ConnectionStringInfo> candidates, CancellationToken cancellationToken)
        {
            if (!Standalone.TryGetValue(operation, out var read))
            {
                var created = ReadStandalone(operation, symbols, cancellationToken);
                read = Standalone.GetValue(operation, _ => created);
            }

            resolved = read.Resolved!;
            candidates = read.Candidates;
            return read.Resolved != null;
        }

        private static StandaloneRead ReadStandalone(IOperation operation, ConnectionStringSymbols? symbols, CancellationToken cancellationToken)
        {
            if (StandaloneConnectionStrings.FlowsStraightToSink(operation, symbols)
                || StandaloneConnectionStrings.IsOneOfSeveralLocalValues(operation, cancellationToken)
                || !TryResolveString(operation, out var resolved, cancellationToken))
            {
                return StandaloneRead.None;
            }

            var candidates = StandaloneConnectionStrings.Candidates(resolved.Value);
            return candidates.Count == 0 ? StandaloneRead.None : new StandaloneRead(resolved, candidates);
        }

        private static readonly ConditionalWeakTable<IOperation, StandaloneRead> Standalone = new ConditionalWeakTable<IOperation, StandaloneRead>();

        private sealed class StandaloneRead
        {
            public static readonly StandaloneRead None = new StandaloneRead(null, System.Array.Empty<ConnectionStringInfo>());

            public StandaloneRead(ResolvedString? resolved, IReadOnlyList<ConnectionStringInfo> candidates)
            {
                Resolved = resolved;
                Candidates = candidates;
            }

            public ResolvedString? Resolved { get; }

            public IReadOnlyList<ConnectionStringInfo> Candidates { get; }
        }

        private static Entry GetEntry(IOperation operation, CancellationToken cancellationToken)
        {
            if (Entries.TryGetValue(operation, out var entry))
            {
                return entry;
            }

            var created = new Entry(ValueResolver.TryResolveString(operation, out var value, cancellationToken) ? value : null);
            return Entries.GetValue(operation, _ => created);
        }
    }
}
