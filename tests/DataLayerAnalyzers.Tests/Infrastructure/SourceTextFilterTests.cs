using System.Linq;
using System.Threading;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DataLayerAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The word-table pre-filter of the whole-compilation passes: it may let a file through that holds nothing, but it
    /// must never hold back a file that holds the name.
    /// </summary>
    public class SourceTextFilterTests
    {
        private const string Source = """
            // RegisterClients is mentioned here, in a comment
            class Startup
            {
                void Configure(object services)
                {
                    var note = "AddScoped in a string";
                    @Build();
                    Helpers.Create<int>();
                }

                void Build() { }
            }

            static class Helpers { public static void Create<T>() { } }
            """;

        [Theory]
        [InlineData("Startup")]
        [InlineData("Configure")]
        [InlineData("Build")]
        [InlineData("Create")]
        [InlineData("RegisterClients")]
        [InlineData("AddScoped")]
        [InlineData("if")]
        public void A_word_the_text_holds_passes(string word)
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            Assert.True(SourceTextFilter.MayContainWord(tree, word, CancellationToken.None));
            Assert.True(SourceTextFilter.MayContainAnyWord(tree, new[] { "Nowhere", word }, CancellationToken.None));
        }

        [Theory]
        [InlineData("Startu")]
        [InlineData("BuildAll")]
        [InlineData("AddSingleton")]
        [InlineData("Services")]
        public void A_word_the_text_does_not_hold_as_a_whole_word_is_held_back(string word)
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            Assert.False(SourceTextFilter.MayContainWord(tree, word, CancellationToken.None));
        }

        [Fact]
        public void Identifiers_are_the_tokens_of_that_name_and_not_words_in_comments_or_strings()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var build = SourceTextFilter.IdentifiersNamed(tree, "Build", CancellationToken.None).ToList();
            Assert.Equal(2, build.Count);
            Assert.IsType<InvocationExpressionSyntax>(build[0].Parent!.Parent);
            Assert.IsType<MethodDeclarationSyntax>(build[1].Parent);

            Assert.Empty(SourceTextFilter.IdentifiersNamed(tree, "RegisterClients", CancellationToken.None));
            Assert.Empty(SourceTextFilter.IdentifiersNamed(tree, "AddScoped", CancellationToken.None));
            var create = SourceTextFilter.IdentifiersNamed(tree, "Create", CancellationToken.None).ToList();
            Assert.Equal(2, create.Count);
            Assert.IsType<GenericNameSyntax>(create[0].Parent);
            Assert.IsType<MethodDeclarationSyntax>(create[1].Parent);
        }

        [Fact]
        public void The_table_of_a_tree_is_made_once_and_answers_the_same_every_time()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            for (var i = 0; i < 3; i++)
            {
                Assert.True(SourceTextFilter.MayContainWord(tree, "Helpers", CancellationToken.None));
                Assert.False(SourceTextFilter.MayContainWord(tree, "Helper", CancellationToken.None));
            }
        }
    
        [Fact]
        public void Every_word_of_a_file_with_thousands_of_distinct_words_passes_and_a_small_file_after_it_is_read_afresh()
        {
            // 5,000 distinct names: the table that keeps the words distinct grows several times while the file is read.
            var names = Enumerable.Range(0, 5000).Select(i => "Field" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var large = CSharpSyntaxTree.ParseText("class Large { " + string.Concat(names.Select(n => "int " + n + "; ")) + "}");
            foreach (var name in names)
            {
                Assert.True(SourceTextFilter.MayContainWord(large, name, CancellationToken.None), name);
            }

            Assert.False(SourceTextFilter.MayContainWord(large, "Field5000", CancellationToken.None));

            // The next file read on the thread sees none of the words of the one before.
            var small = CSharpSyntaxTree.ParseText("class Small { int Field7; }");
            Assert.True(SourceTextFilter.MayContainWord(small, "Field7", CancellationToken.None));
            Assert.False(SourceTextFilter.MayContainWord(small, "Field8", CancellationToken.None));
            Assert.False(SourceTextFilter.MayContainWord(small, "Large", CancellationToken.None));
        }
    
        [Fact]
        public void The_files_of_a_compilation_that_may_hold_a_word_are_those_whose_text_holds_it_in_order()
        {
            var first = CSharpSyntaxTree.ParseText("class OrderStore { }", path: "First.cs");
            var second = CSharpSyntaxTree.ParseText("class Other { OrderStore Make() => new OrderStore(); }", path: "Second.cs");
            var third = CSharpSyntaxTree.ParseText("class Third { string Note = \"no store here\"; }", path: "Third.cs");
            var compilation = CSharpCompilation.Create("Words", new[] { first, second, third });

            Assert.Equal(new[] { first, second }, SourceTextFilter.TreesMayContainWord(compilation, "OrderStore", CancellationToken.None));
            Assert.Equal(new[] { third }, SourceTextFilter.TreesMayContainWord(compilation, "Third", CancellationToken.None));
            Assert.Empty(SourceTextFilter.TreesMayContainWord(compilation, "Order", CancellationToken.None));

            // A word too short for the table is never held back.
            Assert.Equal(new[] { first, second, third }, SourceTextFilter.TreesMayContainWord(compilation, "Id", CancellationToken.None));
        }
    }
}
