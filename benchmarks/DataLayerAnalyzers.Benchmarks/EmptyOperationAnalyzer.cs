using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// The control: an analyzer that asks for every invocation and does nothing with it. What it costs is Roslyn's own
    /// price for running any operation-based analyzer (the analyzer driver, the compilation event queue, the operation
    /// trees); the SDK's built-in code-analysis rules already pay it in most projects.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyOperationAnalyzer : SilentAnalyzer
    {
        /// <summary>The name its row has in the <c>--cpu --beside-control</c> table.</summary>
        public const string RowName = "(control: empty operation analyzer)";

        public EmptyOperationAnalyzer()
            : base("BENCH0001")
        {
        }

        protected override void Register(AnalysisContext context) => context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }
}
