using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DataLayerAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Every analyzer runs over every test source of this project cut at several points (half-typed code), and over the
    /// whole sources with no data-access library referenced; an analyzer exception (AD0001) fails the test.
    /// JSON test inputs are cut likewise and handed to the analyzers as appsettings.json.
    /// </summary>
    public class RobustnessTests
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = AllAnalyzers.Create();

        public static IEnumerable<object[]> TestFiles()
        {
            var testsFolder = Path.Combine(AllAnalyzers.RepositoryRoot(), "tests", "DataLayerAnalyzers.Tests");
            return Directory.GetFiles(testsFolder, "*Tests.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                    && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                    && !f.Contains(Path.DirectorySeparatorChar + "Robustness" + Path.DirectorySeparatorChar)
                    && !f.Contains(Path.DirectorySeparatorChar + "Verification" + Path.DirectorySeparatorChar)
                    // CDK stack bodies are cut by Cdk/CdkRobustnessTests, compiled against Amazon.CDK.Lib.
                    && !f.Contains(Path.DirectorySeparatorChar + "Cdk" + Path.DirectorySeparatorChar)
                    && File.ReadAllText(f).Contains("\"\"\""))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { Path.GetRelativePath(testsFolder, f) });
        }

        [Fact]
        public void TheSuiteHasSourcesToCut()
        {
            Assert.NotEmpty(TestFiles());
            Assert.NotEmpty(Analyzers);
        }

        [Theory]
        [MemberData(nameof(TestFiles))]
        public async Task HalfTypedAndUnreferencedSources_NeverThrow(string testFile)
        {
            var path = Path.Combine(AllAnalyzers.RepositoryRoot(), "tests", "DataLayerAnalyzers.Tests", testFile);
            var inputs = ExtractInputs(File.ReadAllText(path));
            Assert.NotEmpty(inputs);
            await Parallel.ForEachAsync(inputs, async (input, ct) =>
            {
                if (input.IsJson)
                {
                    foreach (var cut in Cuts(input.Text))
                    {
                        await RunAsync("class Program { }", cut, ReferenceSet.All);
                    }

                    return;
                }

                await RunAsync(input.Text, null, ReferenceSet.FrameworkOnly);
                foreach (var cut in Cuts(input.Text))
                {
                    await RunAsync(cut, null, ReferenceSet.All);
                }
            });
        }

        internal static async Task RunAsync(string source, string? json, ReferenceSet references)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/src/Test0.cs");
            var compilation = CSharpCompilation.Create(
                "Robustness",
                new[] { tree },
                TestReferences.Get(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                        .Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn))));
            var additional = json is null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/src/appsettings.json", json));
            var options = new AnalyzerOptions(additional);
            try
            {
                await AnalyzerRunner.RunAsync(compilation, options, Analyzers, default);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                throw new Xunit.Sdk.XunitException(ex.Message + "\n--- source ---\n" + source + (json is null ? string.Empty : "\n--- json ---\n" + json));
            }
        }

        /// <summary>Prefixes ending mid-way, and the text with one line cut short mid-way (a half-typed statement).</summary>
        internal static IEnumerable<string> Cuts(string text)
        {
            const int Points = 4;
            for (var i = 1; i <= Points; i++)
            {
                var position = text.Length * i / (Points + 1);
                yield return text.Substring(0, position);
                var lineEnd = text.IndexOf('\n', position);
                if (lineEnd > position)
                {
                    yield return text.Substring(0, position) + text.Substring(lineEnd);
                }
            }
        }

        /// <summary>The C# and JSON inputs a test file writes as raw string literals, with markup stripped.</summary>
        private static List<(string Text, bool IsJson)> ExtractInputs(string testFileText)
        {
            var root = CSharpSyntaxTree.ParseText(testFileText).GetRoot();
            var result = new List<(string, bool)>();
            foreach (var node in root.DescendantNodes())
            {
                string? raw = node switch
                {
                    LiteralExpressionSyntax literal when literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) => literal.Token.ValueText,
                    InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.Text.Contains("\"\"\"") =>
                        string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "x")),
                    _ => null,
                };
                if (raw is null)
                {
                    continue;
                }

                string text;
                try
                {
                    TestFileMarkupParser.GetSpans(raw, out text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
                }
                catch (ArgumentException)
                {
                    continue;
                }

                var trimmed = text.TrimStart();
                if (trimmed.StartsWith("{", StringComparison.Ordinal))
                {
                    result.Add((text, true));
                }
                else if (text.Contains("class ") || text.Contains("using "))
                {
                    result.Add((text, false));
                }
            }

            return result;
        }
    }
}
