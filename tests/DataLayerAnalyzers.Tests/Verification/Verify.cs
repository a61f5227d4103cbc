using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>Short forms for the common cases; build an <see cref="AnalyzerTest{TAnalyzer}"/> for anything else.</summary>
    public static class Verify<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new(id);

        public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<TAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public static Task CodeFixAsync<TFixer>(string source, string fixedSource, string? equivalenceKey = null)
            where TFixer : CodeFixProvider, new()
        {
            var test = new CodeFixTest<TAnalyzer, TFixer> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            return test.RunAsync();
        }
    }
}
