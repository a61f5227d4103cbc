using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;
using Xunit.Sdk;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>The verifier itself must fail when it should: otherwise every rule test could pass vacuously.</summary>
    public class VerifierTests
    {
        [Fact]
        public async Task MarkedLiteral_Reports()
        {
            await Verify<FlagBadLiteral>.AnalyzerAsync("""
                class C { string s = [|"BAD"|]; }
                """);
        }

        [Fact]
        public async Task MissingDiagnostic_FailsTheTest()
        {
            await Assert.ThrowsAsync<XunitException>(() => Verify<FlagBadLiteral>.AnalyzerAsync("""
                class C { string s = [|"GOOD"|]; }
                """));
        }

        [Fact]
        public async Task UnexpectedDiagnostic_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<XunitException>(() => Verify<FlagBadLiteral>.AnalyzerAsync("""
                class C { string s = "BAD"; }
                """));
            Assert.Contains("{|TST0001:\"BAD\"|}", ex.Message);
        }

        [Fact]
        public async Task CompilerError_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<XunitException>(() => Verify<FlagBadLiteral>.AnalyzerAsync("""
                class C { string s = [|"BAD"|] }
                """));
            Assert.Contains("does not compile", ex.Message);
        }

        [Fact]
        public async Task AnalyzerException_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<XunitException>(() => Verify<ThrowingAnalyzer>.AnalyzerAsync("""
                class C { string s = "x"; }
                """));
            Assert.Contains("AD0001", ex.Message);
        }

        [Fact]
        public async Task WrongMessage_FailsTheTest()
        {
            await Assert.ThrowsAsync<XunitException>(() => Verify<FlagBadLiteral>.AnalyzerAsync(
                """
                class C { string s = {|#0:"BAD"|}; }
                """,
                new DiagnosticResult("TST0001").WithLocation(0).WithMessage("something else")));
        }

        [Fact]
        public async Task MessageArguments_AreChecked()
        {
            await Verify<FlagBadLiteral>.AnalyzerAsync(
                """
                class C { string s = {|#0:"BAD"|}; }
                """,
                new DiagnosticResult("TST0001").WithLocation(0).WithArguments("literal"));
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class FlagBadLiteral : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TST0001", "t", "Bad {0}", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation.ConstantValue.Value is "BAD")
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), "literal"));
                        }
                    },
                    OperationKind.Literal);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TST0002", "t", "m", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(c => throw new System.InvalidOperationException("boom"), OperationKind.Literal);
            }
        }
    }
}
