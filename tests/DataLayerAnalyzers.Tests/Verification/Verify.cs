using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>
    /// Short forms for the common cases, in the style of the roslyn-sdk templates; build an
    /// <see cref="AnalyzerTest{TAnalyzer}"/> or <see cref="CodeFixTest{TAnalyzer, TFixer}"/> for anything else.
    /// </summary>
    public static class Verify<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>An expected diagnostic of the analyzer's descriptor <paramref name="id"/>; locate it with <c>.WithLocation(n)</c> and <c>{|#n:…|}</c>.</summary>
        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

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

        /// <summary>roslyn-sdk template name for <see cref="AnalyzerAsync"/>.</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, expected);

        /// <summary>roslyn-sdk template name for <see cref="CodeFixAsync{TFixer}"/>.</summary>
        public static Task VerifyCodeFixAsync<TFixer>(string source, string fixedSource, string? equivalenceKey = null)
            where TFixer : CodeFixProvider, new() => CodeFixAsync<TFixer>(source, fixedSource, equivalenceKey);
    }
}
