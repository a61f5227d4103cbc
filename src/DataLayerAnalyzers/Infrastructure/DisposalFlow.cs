using System.Collections.Generic;
using System.Linq;
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

        private readonly ControlFlowGraph _graph;
        private readonly ILocalSymbol _local;
        private readonly HashSet<CaptureId> _captures = new HashSet<CaptureId>();
        private readonly bool[] _releases;

        private DisposalFlow(ControlFlowGraph graph, ILocalSymbol local)
        {
            _graph = graph;
            _local = local;
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in AllOperations(block).SelectMany(o => o.DescendantsAndSelf()))
                {
                    if (operation is IFlowCaptureOperation capture && IsLocal(capture.Value))
                    {
                        _captures.Add(capture.Id);
                    }
                }
            }

            _releases = graph.Blocks.Select(b => AllOperations(b).Any(ContainsRelease)).ToArray();
        }

        /// <summary>
        /// True when some path from <paramref name="acquisition"/> (matched by syntax in <paramref name="graph"/>) leaves
        /// without releasing <paramref name="local"/>. False also when the acquisition cannot be found in the graph.
        /// </summary>
        public static bool LeaksAfter(ControlFlowGraph graph, ILocalSymbol local, SyntaxNode acquisition)
        {
            var flow = new DisposalFlow(graph, local);
            foreach (var block in graph.Blocks)
            {
                var operations = AllOperations(block).ToList();
                for (var i = 0; i < operations.Count; i++)
                {
                    if (operations[i].Syntax.Span.Contains(acquisition.Span) && operations[i].Syntax.SyntaxTree == acquisition.SyntaxTree)
                    {
                        return flow.Leaks(block, i + 1);
                    }
                }
            }

            return false;
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
                var operations = AllOperations(block).ToList();
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
            for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal && i < _releases.Length; i++)
            {
                if (_releases[i])
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

        private bool IsLocal(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    return SymbolEqualityComparer.Default.Equals(reference.Local, _local);
                case IFlowCaptureReferenceOperation capture:
                    return _captures.Contains(capture.Id);
                default:
                    return false;
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
