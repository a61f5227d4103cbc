using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// What a dispatched operation action sees (<see cref="OperationDispatch"/>): the members of Roslyn's
    /// <c>OperationAnalysisContext</c> the rules use, made without an allocation per operation.
    /// </summary>
    internal readonly struct OperationContext
    {
        private readonly OperationDispatch.TreeScope _scope;
        private readonly int _declaration;

        public OperationContext(IOperation operation, OperationDispatch.TreeScope scope, int declaration)
        {
            Operation = operation;
            _scope = scope;
            _declaration = declaration;
        }

        public IOperation Operation { get; }

        /// <summary>The symbol whose body or initializer holds the operation, as the driver gives an operation action.</summary>
        public ISymbol ContainingSymbol => _scope.OwningSymbol(_declaration);

        public Compilation Compilation => _scope.Compilation;

        public AnalyzerOptions Options => _scope.Options;

        public CancellationToken CancellationToken => _scope.CancellationToken;

        public void ReportDiagnostic(Diagnostic diagnostic) => _scope.Report(diagnostic);

        /// <summary>The control-flow graph of the body holding the operation; null for a body Roslyn makes no graph of.</summary>
        public ControlFlowGraph? GetControlFlowGraph() => OperationDispatch.GetControlFlowGraph(Operation, CancellationToken);
    }
}
