using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Control-flow question over a method's <see cref="ControlFlowGraph"/>: once a resource held in a local is
    /// acquired at some operation, is it released (<c>Dispose</c>/<c>DisposeAsync</c>/<c>Close</c>/<c>CloseAsync</c>) on
    /// every path out of the method? A path is safe when it enters a <c>try</c> whose <c>finally</c> releases the local,
    /// or reaches a release with nothing that can throw in between. It leaks when it reaches the exit (an early
    /// <c>return</c>, the end), leaves by <c>throw</c>, or reaches a plain (non-<c>finally</c>) release only after code
    /// that can throw — the success-path-only <c>Close()</c>.
    /// </summary>
    internal sealed class DisposalFlow
    {
        private static readonly HashSet<string> ReleaseNames = new HashSet<string>(System.StringComparer.Ordinal) { "Dispose", "DisposeAsync", "Close", "CloseAsync" };

        private static readonly ConditionalWeakTable<ControlFlowGraph, GraphFacts> Facts = new ConditionalWeakTable<ControlFlowGraph, GraphFacts>();

        private readonly ControlFlowGraph _graph;
        private readonly ILocalSymbol _local;
        private readonly GraphFacts _facts;

        private DisposalFlow(ControlFlowGraph graph, ILocalSymbol local)
        {
            _graph = graph;
            _local = local;
            _facts = Facts.GetValue(graph, g => new GraphFacts(g));
        }

        /// <summary>
        /// True when some path from <paramref name="acquisition"/> (matched by syntax in <paramref name="graph"/>) leaves
        /// without releasing <paramref name="local"/>. False also when the acquisition cannot be found in the graph.
        /// </summary>
        public static bool LeaksAfter(ControlFlowGraph graph, ILocalSymbol local, SyntaxNode acquisition)
        {
            var flow = new DisposalFlow(graph, local);
            return flow._facts.TryFindOperation(acquisition, out var block, out var index) && flow.Leaks(graph.Blocks[block], index + 1);
        }

        private bool Leaks(BasicBlock start, int startIndex)
        {
            var visited = new HashSet<(int, bool)>();
            var pending = new Stack<(BasicBlock Block, int Index, bool Exposed)>();
            pending.Push((start, startIndex, false));
            while (pending.Count > 0)
            {
                var (block, index, exposed) = pending.Pop();
                if (index == 0 && !visited.Add((block.Ordinal, exposed)))
                {
                    continue;
                }

                if (IsProtected(block))
                {
                    continue;
                }

                if (block.Kind == BasicBlockKind.Exit)
                {
                    return true;
                }

                var released = false;
                if (index == 0 && !_facts.Releases(block.Ordinal, _local))
                {
                    // Nothing in the block releases the local: only whether it may throw matters.
                    exposed |= _facts.MayThrowIn(block.Ordinal);
                    index = int.MaxValue;
                }

                var operations = index == int.MaxValue ? new List<IOperation>() : AllOperations(block).ToList();
                for (var i = index; i < operations.Count; i++)
                {
                    if (ContainsRelease(operations[i]))
                    {
                        if (exposed && !InRegion(block, ControlFlowRegionKind.Finally))
                        {
                            return true; // closed on the success path only
                        }

                        released = true;
                        break;
                    }

                    exposed |= MayThrow(operations[i]);
                }

                if (released)
                {
                    continue;
                }

                foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
                {
                    if (branch is null)
                    {
                        continue;
                    }

                    if (branch.FinallyRegions.Any(RegionReleases))
                    {
                        continue;
                    }

                    if (branch.Semantics == ControlFlowBranchSemantics.Throw || branch.Semantics == ControlFlowBranchSemantics.Rethrow)
                    {
                        return true; // leaves by an exception no finally covers
                    }

                    if (branch.Destination is null)
                    {
                        if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                        {
                            continue; // end of a finally/catch handler: its own flow was followed from its entry
                        }

                        return true;
                    }

                    pending.Push((branch.Destination, 0, exposed));
                }
            }

            return false;
        }

        /// <summary>The block runs inside a try whose finally releases the local.</summary>
        private bool IsProtected(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion?.Kind == ControlFlowRegionKind.TryAndFinally
                    && region.EnclosingRegion.NestedRegions.Length == 2 && RegionReleases(region.EnclosingRegion.NestedRegions[1]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool RegionReleases(ControlFlowRegion region)
        {
            for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal && i < _graph.Blocks.Length; i++)
            {
                if (_facts.Releases(i, _local))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InRegion(BasicBlock block, ControlFlowRegionKind kind)
        {
            for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
            {
                if (region.Kind == kind)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ContainsRelease(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IInvocationOperation invocation && ReleaseNames.Contains(invocation.TargetMethod.Name) && IsLocal(invocation.Instance))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MayThrow(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case IInvocationOperation _:
                    case IObjectCreationOperation _:
                    case IAwaitOperation _:
                    case IThrowOperation _:
                    case IDynamicInvocationOperation _:
                    case IPropertyReferenceOperation _:
                        return true;
                }
            }

            return false;
        }

        private bool IsLocal(IOperation? operation) => SymbolEqualityComparer.Default.Equals(_facts.LocalOf(operation), _local);

        /// <summary>
        /// What the flow questions need of one graph, computed once per graph instead of once per local: the local each
        /// flow capture holds, the locals each block releases, whether a block may throw, where each operation is.
        /// </summary>
        private sealed class GraphFacts
        {
            private readonly Dictionary<CaptureId, ILocalSymbol> _captureLocals = new Dictionary<CaptureId, ILocalSymbol>();
            private readonly HashSet<ILocalSymbol>?[] _released;
            private readonly bool[] _mayThrow;
            private readonly Dictionary<SyntaxNode, (int Block, int Index)> _operations = new Dictionary<SyntaxNode, (int, int)>();

            public GraphFacts(ControlFlowGraph graph)
            {
                var blocks = graph.Blocks;
                _released = new HashSet<ILocalSymbol>?[blocks.Length];
                _mayThrow = new bool[blocks.Length];
                foreach (var block in blocks)
                {
                    foreach (var operation in AllOperations(block))
                    {
                        foreach (var descendant in operation.DescendantsAndSelf())
                        {
                            if (descendant is IFlowCaptureOperation capture && LocalOf(capture.Value) is { } captured)
                            {
                                _captureLocals[capture.Id] = captured;
                            }
                        }
                    }
                }

                foreach (var block in blocks)
                {
                    var index = 0;
                    foreach (var operation in AllOperations(block))
                    {
                        if (!_operations.ContainsKey(operation.Syntax))
                        {
                            _operations.Add(operation.Syntax, (block.Ordinal, index));
                        }

                        _mayThrow[block.Ordinal] |= MayThrow(operation);
                        foreach (var descendant in operation.DescendantsAndSelf())
                        {
                            if (descendant is IInvocationOperation invocation && ReleaseNames.Contains(invocation.TargetMethod.Name)
                                && LocalOf(invocation.Instance) is { } releasedLocal)
                            {
                                (_released[block.Ordinal] ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(releasedLocal);
                            }
                        }

                        index++;
                    }
                }
            }

            public bool Releases(int block, ILocalSymbol local) => _released[block]?.Contains(local) == true;

            public bool MayThrowIn(int block) => _mayThrow[block];

            /// <summary>The local an operation reads, directly or through a flow capture of it.</summary>
            public ILocalSymbol? LocalOf(IOperation? operation)
            {
                while (operation is IConversionOperation conversion)
                {
                    operation = conversion.Operand;
                }

                switch (operation)
                {
                    case ILocalReferenceOperation reference:
                        return reference.Local;
                    case IFlowCaptureReferenceOperation capture:
                        return _captureLocals.TryGetValue(capture.Id, out var local) ? local : null;
                    default:
                        return null;
                }
            }

            /// <summary>The first operation (in block order) whose syntax contains <paramref name="syntax"/>.</summary>
            public bool TryFindOperation(SyntaxNode syntax, out int block, out int index)
            {
                block = int.MaxValue;
                index = int.MaxValue;
                for (var node = syntax; node != null; node = node.Parent)
                {
                    if (_operations.TryGetValue(node, out var found) && (found.Block < block || (found.Block == block && found.Index < index)))
                    {
                        (block, index) = found;
                    }
                }

                return block != int.MaxValue;
            }
        }

        private static IEnumerable<IOperation> AllOperations(BasicBlock block)
        {
            foreach (var operation in block.Operations)
            {
                yield return operation;
            }

            if (block.BranchValue != null)
            {
                yield return block.BranchValue;
            }
        }
    }
}
