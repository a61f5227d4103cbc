using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>
    /// The test settings on the roslyn-sdk library must fail when they should: otherwise every rule test could pass
    /// vacuously. The library reports a failure as an <see cref="InvalidOperationException"/> (DefaultVerifier).
    /// </summary>
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
            await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.AnalyzerAsync("""
                class C { string s = [|"GOOD"|]; }
                """));
        }

        [Fact]
        public async Task UnexpectedDiagnostic_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.AnalyzerAsync("""
                class C { string s = "BAD"; }
                """));
            Assert.Contains("TST0001", ex.Message);
            Assert.Contains("WithSpan(1, 22, 1, 27)", ex.Message);
        }

        [Fact]
        public async Task CompilerError_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.AnalyzerAsync("""
                class C { string s = [|"BAD"|] }
                """));
            Assert.Contains("error CS1002", ex.Message);
        }

        [Fact]
        public async Task AnalyzerException_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<ThrowingAnalyzer>.AnalyzerAsync("""
                class C { string s = "x"; }
                """));
            Assert.Contains("AD0001", ex.Message);
        }

        [Fact]
        public async Task WrongMessage_FailsTheTest()
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.AnalyzerAsync(
                """
                class C { string s = {|#0:"BAD"|}; }
                """,
                Verify<FlagBadLiteral>.Diagnostic("TST0001").WithLocation(0).WithMessage("something else")));
        }

        [Fact]
        public async Task MessageArguments_AreChecked()
        {
            await Verify<FlagBadLiteral>.AnalyzerAsync(
                """
                class C { string s = {|#0:"BAD"|}; }
                """,
                Verify<FlagBadLiteral>.Diagnostic("TST0001").WithLocation(0).WithArguments("literal"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.AnalyzerAsync(
                """
                class C { string s = {|#0:"BAD"|}; }
                """,
                Verify<FlagBadLiteral>.Diagnostic("TST0001").WithLocation(0).WithArguments("number")));
        }

        [Fact]
        public async Task FindingInGeneratedCode_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteralEvenInGeneratedCode>.AnalyzerAsync("""
                class C { string s = [|"BAD"|]; }
                """));
            Assert.Contains("auto-generated", ex.Message);
        }

        [Fact]
        public async Task AdditionalFileMarkupAndGlobalConfig_ReachTheAnalyzer()
        {
            var test = new AnalyzerTest<FlagBadLineInSettings> { TestCode = "class C { }" };
            test.AdditionalFiles.Add(("appsettings.json", "{ [|\"BAD\"|] }"));
            test.GlobalConfig.Add("tst_flag_json = true");
            await test.RunAsync();

            var silent = new AnalyzerTest<FlagBadLineInSettings> { TestCode = "class C { }" };
            silent.AdditionalFiles.Add(("appsettings.json", "{ \"BAD\" }"));
            await silent.RunAsync();
        }

        [Fact]
        public async Task Fix_Applies()
        {
            await Verify<FlagBadLiteral>.CodeFixAsync<ReplaceBadLiteral>(
                """
                class C { string s = [|"BAD"|]; string t = [|"BAD"|]; }
                """,
                """
                class C { string s = "GOOD"; string t = "GOOD"; }
                """,
                ReplaceBadLiteral.Good);
        }

        [Fact]
        public async Task FindingLeftAfterTheFix_FailsTheTest()
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.CodeFixAsync<ReplaceBadLiteral>(
                """
                class C { string s = [|"BAD"|]; }
                """,
                """
                class C { string s = "BAD" + "BAD"; }
                """,
                ReplaceBadLiteral.Doubled));
        }

        [Fact]
        public async Task FixedCodeThatDoesNotCompile_FailsTheTest()
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.CodeFixAsync<ReplaceBadLiteral>(
                """
                class C { string s = [|"BAD"|]; }
                """,
                """
                class C { string s = GOOD; }
                """,
                ReplaceBadLiteral.Broken));
            Assert.Contains("CS0103", ex.Message);
        }

        [Fact]
        public async Task FixOfferedWhereNoneIsExpected_FailsTheTest()
        {
            const string Source = """
                class C { string s = [|"BAD"|]; }
                """;
            await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.CodeFixAsync<ReplaceBadLiteral>(Source, Source, ReplaceBadLiteral.Good));
        }

        [Fact]
        public async Task SqlClientSource_RunsOnBothVersions_AndNamesTheOneThatFails()
        {
            // Compiles on Microsoft.Data.SqlClient 5+ only: SqlConnectionEncryptOption does not exist in 2.1.4.
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Verify<FlagBadLiteral>.AnalyzerAsync("""
                using Microsoft.Data.SqlClient;
                class C { object o = SqlConnectionEncryptOption.Strict; }
                """));
            Assert.Contains(nameof(ReferenceSet.AllWithSqlClient2), ex.Message);

            var pinned = new AnalyzerTest<FlagBadLiteral>
            {
                TestCode = """
                    using Microsoft.Data.SqlClient;
                    class C { object o = SqlConnectionEncryptOption.Strict; }
                    """,
                References = ReferenceSet.AllWithCurrentSqlClient,
            };
            await pinned.RunAsync();
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class FlagBadLiteral : DiagnosticAnalyzer
        {
            internal static readonly DiagnosticDescriptor Rule = new("TST0001", "t", "Bad {0}", "Test", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation.ConstantValue.Value is "BAD" && c.Operation.Syntax is LiteralExpressionSyntax)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation(), "literal"));
                        }
                    },
                    OperationKind.Literal);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class FlagBadLiteralEvenInGeneratedCode : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(FlagBadLiteral.Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation.ConstantValue.Value is "BAD")
                        {
                            c.ReportDiagnostic(Diagnostic.Create(FlagBadLiteral.Rule, c.Operation.Syntax.GetLocation(), "literal"));
                        }
                    },
                    OperationKind.Literal);
            }
        }

        /// <summary>Reports the first line of appsettings.json that holds "BAD" when the .globalconfig says so.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class FlagBadLineInSettings : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TST0003", "t", "Bad {0}", "Test", DiagnosticSeverity.Warning, true, customTags: WellKnownDiagnosticTags.CompilationEnd);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterCompilationAction(c =>
                {
                    foreach (var file in c.Options.AdditionalFiles)
                    {
                        var enabled = c.Options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue("tst_flag_json", out var value) && value == "true";
                        var text = file.GetText(c.CancellationToken);
                        var index = text?.ToString().IndexOf("\"BAD\"", StringComparison.Ordinal) ?? -1;
                        if (enabled && file.Path == "/src/appsettings.json" && index >= 0)
                        {
                            var span = new Microsoft.CodeAnalysis.Text.TextSpan(index, 5);
                            c.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(file.Path, span, text!.Lines.GetLinePositionSpan(span)), "line"));
                        }
                    }
                });
            }
        }

        [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
        private sealed class ReplaceBadLiteral : CodeFixProvider
        {
            public const string Good = "Good";
            public const string Doubled = "Doubled";
            public const string Broken = "Broken";

            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TST0001");

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
                var literal = root.FindNode(context.Span, getInnermostNodeForTie: true);
                foreach (var (key, replacement) in new[] { (Good, "\"GOOD\""), (Doubled, "\"BAD\" + \"BAD\""), (Broken, "GOOD") })
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(key, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, SyntaxFactory.ParseExpression(replacement)))), key),
                        context.Diagnostics);
                }
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
                context.RegisterOperationAction(c => throw new InvalidOperationException("boom"), OperationKind.Literal);
            }
        }
    }
}
