using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Operation actions delivered through one operation-block action per analyzer, from a per-block list of the
    /// operations the rules look at that every analyzer shares.
    /// <para>
    /// Why: for every analyzer that registers operation actions, Roslyn's driver walks every operation of every method
    /// and looks its kind up in that analyzer's table, whether or not the analyzer wants it. With twenty analyzers that
    /// walk costs more than most rules' own work. Here the block's operations are walked once for all analyzers, and each
    /// analyzer is handed the operations of its kinds, in the same pre-order, with the same containing symbol, options,
    /// reporting and cancellation that <see cref="CompilationStartAnalysisContext.RegisterOperationAction(Action{OperationAnalysisContext}, OperationKind[])"/>
    /// would have given it.
    /// </para>
    /// </summary>
    internal static class OperationDispatch
    {
        private static readonly ConditionalWeakTable<CompilationStartAnalysisContext, Registry> Registries = new ConditionalWeakTable<CompilationStartAnalysisContext, Registry>();

        /// <summary>
        /// Registers <paramref name="action"/> for operations of <paramref name="kinds"/>, as
        /// <c>RegisterOperationAction</c> does. All such registrations of one analyzer in one compilation share one
        /// operation-block action.
        /// </summary>
        public static void RegisterDispatchedOperationAction(this CompilationStartAnalysisContext context, Action<OperationContext> action, params OperationKind[] kinds)
        {
            if (!Registries.TryGetValue(context, out var registry))
            {
                registry = new Registry();
                Registries.Add(context, registry);
                context.RegisterOperationBlockAction(registry.Run);
            }

            foreach (var kind in kinds)
            {
                registry.Add(kind, action);
            }
        }

        /// <summary>
        /// The control-flow graph of the body holding a dispatched operation, made once per body and shared: what
        /// <see cref="OperationAnalysisContext.GetControlFlowGraph()"/> gives an operation action from the driver's cache.
        /// </summary>
        public static ControlFlowGraph? GetControlFlowGraph(IOperation operation, CancellationToken cancellationToken)
        {
            var root = Root(operation, int.MaxValue);
            if (Graphs.TryGetValue(root, out var graph))
            {
                return graph;
            }

            var created = root switch
            {
                IMethodBodyOperation method => ControlFlowGraph.Create(method, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                IParameterInitializerOperation parameter => ControlFlowGraph.Create(parameter, cancellationToken),
                _ => null,
            };
            if (created is null)
            {
                return null;
            }

            return Graphs.GetValue(root, _ => created);
        }

        private static readonly ConditionalWeakTable<IOperation, ControlFlowGraph> Graphs = new ConditionalWeakTable<IOperation, ControlFlowGraph>();

        /// <summary>
        /// A method's or constructor's blocks hang under one body operation that also holds the constructor initializer
        /// and both bodies; the driver's operation actions see all of it, so the walk starts there.
        /// </summary>
        private static IOperation Root(IOperation operation, int maxDepth)
        {
            for (var depth = 0; operation.Parent != null && depth < maxDepth; depth++)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        private static int Slot(OperationKind kind)
        {
            switch (kind)
            {
                case OperationKind.Invocation: return 0;
                case OperationKind.ObjectCreation: return 1;
                case OperationKind.SimpleAssignment: return 2;
                case OperationKind.Literal: return 3;
                case OperationKind.InterpolatedString: return 4;
                case OperationKind.Binary: return 5;
                case OperationKind.EventAssignment: return 6;
                default: return -1;
            }
        }

        /// <summary>What the operations of one block share: the block's context, copied once.</summary>
        internal sealed class BlockScope
        {
            private readonly OperationBlockAnalysisContext _context;

            public BlockScope(OperationBlockAnalysisContext context)
            {
                _context = context;
            }

            public ISymbol OwningSymbol => _context.OwningSymbol;

            public Compilation Compilation => _context.Compilation;

            public AnalyzerOptions Options => _context.Options;

            public CancellationToken CancellationToken => _context.CancellationToken;

            public void Report(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);
        }

        /// <summary>One analyzer's dispatched actions in one compilation. Written during compilation start only.</summary>
        private sealed class Registry
        {
            private readonly List<(int Slot, Action<OperationContext> Action)> _actions = new List<(int, Action<OperationContext>)>();
            private int _mask;

            public void Add(OperationKind kind, Action<OperationContext> action)
            {
                var slot = Slot(kind);
                if (slot < 0)
                {
                    throw new ArgumentException("Operation kind " + kind + " is not dispatched.", nameof(kind));
                }

                _actions.Add((slot, action));
                _mask |= 1 << slot;
            }

            public void Run(OperationBlockAnalysisContext context)
            {
                var operations = BlockOperations.For(context.OperationBlocks);
                if (operations is null || (operations.Mask & _mask) == 0)
                {
                    return;
                }

                var indices = operations.IndicesOf(_mask);
                var scope = new BlockScope(context);
                var list = operations.Operations;
                var slots = operations.Slots;
                var single = _actions.Count == 1 ? _actions[0].Action : null;
                for (var n = 0; n < indices.Length; n++)
                {
                    if ((n & 63) == 0)
                    {
                        context.CancellationToken.ThrowIfCancellationRequested();
                    }

                    var i = indices[n];
                    var operationContext = new OperationContext(list[i], scope);
                    if (single != null)
                    {
                        single(operationContext); // the indices hold only the one kind it asked for
                        continue;
                    }

                    var operationSlot = slots[i];
                    for (var a = 0; a < _actions.Count; a++)
                    {
                        var (slot, action) = _actions[a];
                        if (slot == operationSlot)
                        {
                            action(operationContext);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The operations of dispatched kinds in one declaration's operation blocks, in pre-order, with the slot of each
        /// one's kind. Built once per declaration as a rule: the driver runs the analyzers' block actions for a declaration
        /// one after the other on one thread, so the last list built on a thread serves the analyzers after the first; when
        /// it does not (another thread, or the list already collected), the list is built again, with the same result.
        /// </summary>
        private sealed class BlockOperations
        {
            /// <summary>Held weakly: a thread of a long-lived host must not keep an old compilation's operations alive.</summary>
            [ThreadStatic]
            private static WeakReference<BlockOperations>? _last;

            [ThreadStatic]
            private static List<IOperation>? _buffer;

            [ThreadStatic]
            private static List<byte>? _slotBuffer;

            private BlockOperations(ImmutableArray<IOperation> blocks, IOperation? root, IOperation[] operations, byte[] slots, int mask)
            {
                Blocks = blocks;
                Root = root;
                Operations = operations;
                Slots = slots;
                Mask = mask;
            }

            /// <summary>The blocks the list was made from.</summary>
            public ImmutableArray<IOperation> Blocks { get; }

            /// <summary>The root of the declaration's first block, which identifies the list.</summary>
            public IOperation? Root { get; }

            public IOperation[] Operations { get; }

            public byte[] Slots { get; }

            public int Mask { get; }

            /// <summary>
            /// The positions in <see cref="Operations"/> of the operations whose kind is in <paramref name="mask"/>, in
            /// order: made once per distinct mask (analyzers asking for the same kinds share it), so that each analyzer
            /// goes over its own operations only. Used on the list's own thread only (see <see cref="For"/>).
            /// </summary>
            public int[] IndicesOf(int mask)
            {
                mask &= Mask;
                if (_byMask != null)
                {
                    foreach (var (known, indices) in _byMask)
                    {
                        if (known == mask)
                        {
                            return indices;
                        }
                    }
                }

                var count = 0;
                foreach (var slot in Slots)
                {
                    count += (mask >> slot) & 1;
                }

                var result = count == 0 ? Array.Empty<int>() : new int[count];
                count = 0;
                for (var i = 0; i < Slots.Length && count < result.Length; i++)
                {
                    if ((mask & (1 << Slots[i])) != 0)
                    {
                        result[count++] = i;
                    }
                }

                (_byMask ??= new List<(int, int[])>()).Add((mask, result));
                return result;
            }

            private List<(int Mask, int[] Indices)>? _byMask;

            public static BlockOperations? For(ImmutableArray<IOperation> blocks)
            {
                if (blocks.IsDefaultOrEmpty || blocks[0] is null)
                {
                    return null;
                }

                // Every analyzer is handed the same blocks of a declaration (as a rule the very same array, which is the
                // cheapest look); the root of the first block identifies them.
                BlockOperations? last = null;
                if (_last != null && _last.TryGetTarget(out last) && last.Blocks.Equals(blocks))
                {
                    return last;
                }

                var key = RootOf(blocks[0]);
                if (last != null && ReferenceEquals(last.Root, key))
                {
                    return last;
                }

                last = Build(key, blocks);
                if (_last is null)
                {
                    _last = new WeakReference<BlockOperations>(last);
                }
                else
                {
                    _last.SetTarget(last);
                }

                return last;
            }

            /// <summary>The initializer statement is implicit either way; the call in it is implicit when none is written.</summary>
            private static bool IsImplicitCall(IOperation initializer)
                => initializer.IsImplicit && (initializer is IExpressionStatementOperation statement ? statement.Operation.IsImplicit : true);

            private static int Collect(IOperation root, List<IOperation> operations, List<byte> slots)
            {
                var mask = 0;
                foreach (var operation in root.DescendantsAndSelf())
                {
                    var slot = Slot(operation.Kind);
                    if (slot < 0)
                    {
                        continue;
                    }

                    operations.Add(operation);
                    slots.Add((byte)slot);
                    mask |= 1 << slot;
                }

                return mask;
            }

            private static IOperation RootOf(IOperation operation) => OperationDispatch.Root(operation, MaxRootDepth);

            private const int MaxRootDepth = 8;

            private static BlockOperations Build(IOperation key, ImmutableArray<IOperation> blocks)
            {
                var operations = _buffer ??= new List<IOperation>();
                var slots = _slotBuffer ??= new List<byte>();
                try
                {
                    return FromBlocks(key, blocks, operations, slots);
                }
                finally
                {
                    // Also when cancelled: the thread's buffer must not keep this compilation's operations alive.
                    operations.Clear();
                    slots.Clear();
                }
            }

            private static BlockOperations FromBlocks(IOperation key, ImmutableArray<IOperation> blocks, List<IOperation> operations, List<byte> slots)
            {
                var mask = 0;
                IOperation? firstRoot = null;
                List<IOperation>? otherRoots = null;
                foreach (var block in blocks)
                {
                    if (block is null)
                    {
                        continue;
                    }

                    var root = RootOf(block);
                    if (ReferenceEquals(root, firstRoot) || (otherRoots != null && otherRoots.Contains(root)))
                    {
                        continue;
                    }

                    if (firstRoot is null)
                    {
                        firstRoot = root;
                    }
                    else
                    {
                        (otherRoots ??= new List<IOperation>()).Add(root);
                    }

                    // A constructor with no initializer written has an implicit base(...) call the driver does not
                    // hand to operation actions; neither is it handed on here.
                    if (root is IConstructorBodyOperation { Initializer: { } implicitInitializer } && IsImplicitCall(implicitInitializer))
                    {
                        foreach (var child in root.ChildOperations)
                        {
                            if (!ReferenceEquals(child, implicitInitializer))
                            {
                                mask |= Collect(child, operations, slots);
                            }
                        }
                    }
                    else
                    {
                        mask |= Collect(root, operations, slots);
                    }
                }

                if (operations.Count == 0)
                {
                    return new BlockOperations(blocks, key, Array.Empty<IOperation>(), Array.Empty<byte>(), 0);
                }

                return new BlockOperations(blocks, key, operations.ToArray(), slots.ToArray(), mask);
            }
        }
    }
}
