using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Used by <c>--beside-pairs N --list-only</c>: asks for every file's shared operation list (<see cref="TreeOperations"/>)
    /// and does nothing else, so that beside the control it shows what making the lists alone adds to a build, apart from
    /// the rules' own work.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ListOnlyAnalyzer : SilentAnalyzer
    {
        public ListOnlyAnalyzer()
            : base("BENCH0003")
        {
        }

        protected override void Register(AnalysisContext context) => context.RegisterSemanticModelAction(static model => TreeOperations.For(model.SemanticModel, model.CancellationToken));
    }
}
