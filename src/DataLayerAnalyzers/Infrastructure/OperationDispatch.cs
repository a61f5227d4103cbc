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
    /// Operation actions delivered through one semantic-model action per analyzer, from a per-tree list of the operations
    /// the rules look at that every analyzer shares (<see cref="TreeOperations"/>).
    /// <para>
    /// Why: for every analyzer that registers operation actions, Roslyn's driver walks every operation of every method
    /// and looks its kind up in that analyzer's table, whether or not the analyzer wants it; and for every analyzer that
    /// registers an operation-block action it does per-declaration work of its own (a context, a generated-code and
    /// suppression check, a callback) for every declaration with code. With twenty-odd analyzers either costs more than
    /// the rules' own work. Here each analyzer gets one callback per tree, the tree's operations are listed once for all
    /// analyzers, and each analyzer is handed the operations of its kinds, in the same pre-order, with the same containing
    /// symbol, options, reporting and cancellation that
    /// <see cref="CompilationStartAnalysisContext.RegisterOperationAction(Action{OperationAnalysisContext}, OperationKind[])"/>
    /// would have given it (<c>OperationDispatchTests</c> compares the two).
    /// </para>
    /// </summary>
    internal static class OperationDispatch
    {
        /// <summary>
        /// What every analyzer with dispatched actions configures: the driver runs it over no generated file or member,
        /// as with <see cref="GeneratedCodeAnalysisFlags.None"/>, and leaves the findings alone, because
        /// <see cref="TreeScope.Report"/> drops those in generated code itself, at a fraction of the driver's cost
        /// (<see cref="GeneratedCodeLocations"/>).
        /// </summary>
        public const GeneratedCodeAnalysisFlags GeneratedCodeAnalysis = GeneratedCodeAnalysisFlags.ReportDiagnostics;

        private static readonly ConditionalWeakTable<CompilationStartAnalysisContext, Registry> Registries = new ConditionalWeakTable<CompilationStartAnalysisContext, Registry>();

        /// <summary>
        /// Registers <paramref name="action"/> for operations of <paramref name="kinds"/>, as
        /// <c>RegisterOperationAction</c> does. All such registrations of one analyzer in one compilation share one
        /// semantic-model action.
        /// </summary>
        public static void RegisterDispatchedOperationAction(this CompilationStartAnalysisContext context, Action<OperationContext> action, params OperationKind[] kinds)
            => Register(context, action, null, kinds);

        /// <summary>
        /// Registers <paramref name="action"/> for operations of <paramref name="kinds"/> in the files whose text holds
        /// <paramref name="requiredText"/> (ordinal, anywhere in the text): for an action that can only act on an operation
        /// written with that text, such as an invocation of a method whose name contains it. A file without it is neither
        /// listed nor bound for this action; if no action of the analyzer wants the file, the analyzer skips it.
        /// </summary>
        public static void RegisterDispatchedOperationAction(this CompilationStartAnalysisContext context, Action<OperationContext> action, string requiredText, params OperationKind[] kinds)
            => Register(context, action, requiredText, kinds);

        private static void Register(CompilationStartAnalysisContext context, Action<OperationContext> action, string? requiredText, OperationKind[] kinds)
        {
            if (!Registries.TryGetValue(context, out var registry))
            {
                registry = new Registry();
                Registries.Add(context, registry);
                context.RegisterSemanticModelAction(registry.Run);
            }

            foreach (var kind in kinds)
            {
                registry.Add(kind, action, requiredText);
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
        internal static IOperation Root(IOperation operation, int maxDepth)
        {
            for (var depth = 0; operation.Parent != null && depth < maxDepth; depth++)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        internal static int Slot(OperationKind kind)
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

        /// <summary>
        /// What one analyzer's operations of one tree share: the tree's context, copied once, and its operation list, which
        /// looks each declaration's symbol up on first use (<see cref="TreeOperations.OwnerOf"/>). One per analyzer and
        /// tree, not per declaration: the operation's context carries the declaration's index.
        /// </summary>
        internal sealed class TreeScope
        {
            private readonly SemanticModelAnalysisContext _context;
            private readonly TreeOperations _tree;

            public TreeScope(SemanticModelAnalysisContext context, TreeOperations tree)
            {
                _context = context;
                _tree = tree;
            }

            public ISymbol OwningSymbol(int declaration) => _tree.OwnerOf(declaration, _context.CancellationToken);

            public Compilation Compilation => _context.SemanticModel.Compilation;

            public AnalyzerOptions Options => _context.Options;

            public CancellationToken CancellationToken => _context.CancellationToken;

            /// <summary>
            /// Reports <paramref name="diagnostic"/> unless it lies in generated code: the rules leave that test to
            /// <see cref="GeneratedCodeLocations"/>, which answers it for less than the driver does.
            /// </summary>
            public void Report(Diagnostic diagnostic)
            {
                if (!GeneratedCodeLocations.Contains(diagnostic.Location, _context.SemanticModel.Compilation, _context.CancellationToken))
                {
                    _context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>One analyzer's dispatched actions in one compilation. Written during compilation start only.</summary>
        private sealed class Registry
        {
            /// <summary>More actions than this cannot be told apart in the per-file bit mask of <see cref="Run"/>.</summary>
            private const int MaxActions = 32;

            private readonly List<(int Slot, Action<OperationContext> Action, string? RequiredText)> _actions = new List<(int, Action<OperationContext>, string?)>();
            private int _mask;
            private bool _filtered;

            public void Add(OperationKind kind, Action<OperationContext> action, string? requiredText)
            {
                var slot = Slot(kind);
                if (slot < 0)
                {
                    throw new ArgumentException("Operation kind " + kind + " is not dispatched.", nameof(kind));
                }

                if (_actions.Count == MaxActions)
                {
                    throw new InvalidOperationException("An analyzer registers at most " + MaxActions + " dispatched actions.");
                }

                _actions.Add((slot, action, requiredText));
                _mask |= 1 << slot;
                _filtered |= requiredText != null;
            }

            public void Run(SemanticModelAnalysisContext context)
            {
                // The actions that may act in this file, and the kinds they want: a file without an action's text is
                // not listed (or bound) for it.
                var active = -1;
                var mask = _mask;
                if (_filtered)
                {
                    ActiveIn(context.SemanticModel.SyntaxTree, context.CancellationToken, out active, out mask);
                    if (mask == 0)
                    {
                        return;
                    }
                }

                var tree = TreeOperations.For(context.SemanticModel, context.CancellationToken);
                if ((tree.Mask & mask) == 0)
                {
                    return;
                }

                var single = _actions.Count == 1 ? _actions[0].Action : null;
                var operations = tree.Operations;
                var slots = tree.Slots;
                var declarations = tree.Declarations;
                var scope = new TreeScope(context, tree);
                for (var d = 0; d < declarations.Length; d++)
                {
                    var declaration = declarations[d];
                    if ((declaration.Mask & mask) == 0)
                    {
                        continue;
                    }

                    context.CancellationToken.ThrowIfCancellationRequested();
                    for (var i = declaration.Start; i < declaration.End; i++)
                    {
                        var operationSlot = slots[i];
                        if ((mask & (1 << operationSlot)) == 0)
                        {
                            continue;
                        }

                        var operationContext = new OperationContext(operations[i], scope, d);
                        if (single != null)
                        {
                            single(operationContext); // the mask holds only the one kind it asked for
                            continue;
                        }

                        for (var a = 0; a < _actions.Count; a++)
                        {
                            var (slot, action, _) = _actions[a];
                            if (slot == operationSlot && (active & (1 << a)) != 0)
                            {
                                action(operationContext);
                            }
                        }
                    }
                }
            }

            /// <summary>The actions whose text <paramref name="syntaxTree"/> holds (a bit per action), and the kinds they want.</summary>
            private void ActiveIn(SyntaxTree syntaxTree, CancellationToken cancellationToken, out int active, out int mask)
            {
                active = 0;
                mask = 0;
                string? text = null;
                for (var a = 0; a < _actions.Count; a++)
                {
                    var (slot, _, requiredText) = _actions[a];
                    if (requiredText != null)
                    {
                        text ??= SourceTextFilter.TextOf(syntaxTree, cancellationToken);
                        if (text.IndexOf(requiredText, StringComparison.Ordinal) < 0)
                        {
                            continue;
                        }
                    }

                    active |= 1 << a;
                    mask |= 1 << slot;
                }
            }
        }
    }
}
