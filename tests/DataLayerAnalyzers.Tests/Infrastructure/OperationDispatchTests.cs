using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The rules receive their operations through <see cref="OperationDispatch"/> (one semantic-model action per analyzer
    /// over a list of the tree's operations made once) instead of Roslyn's per-kind operation actions. It must hand them
    /// exactly what the driver would: the same operations, as often, with the same containing symbol, in every kind of
    /// body, initializer, attribute and primary constructor (and not the implicit base call of a constructor that writes
    /// none: the driver hands it to no operation action).
    /// </summary>
    public class OperationDispatchTests
    {
        private static readonly OperationKind[] Kinds =
        {
            OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Literal,
            OperationKind.InterpolatedString, OperationKind.Binary, OperationKind.EventAssignment,
        };

        private const string Library = """
            using System;
            using System.Collections.Generic;

            [assembly: System.Reflection.AssemblyDescription("assembly " + "level")]

            [Obsolete("attribute argument")]
            public class Base
            {
                public Base(object value) { }
            }

            public class Repository : Base
            {
                private static readonly string Prefix = "Host=" + "db";
                private readonly List<int> _items = new List<int> { 1, 2 };
                public event EventHandler Changed;

                public Repository() : this(new object()) { }

                public Repository(object value) : base(new Holder { Name = "x" })
                {
                    Changed += (s, e) => Console.WriteLine($"changed {s}");
                    int Local(int x) => x * 2 + Local(1);
                    Func<string, string> lambda = text => text + ";Password=" + Prefix;
                    _ = lambda("a") + Local(3);
                }

                public string Name { get; set; } = "Host=" + Prefix;

                public string Expression => string.Concat("a", "b");

                public int Accessors
                {
                    get { return _items.Count + 1; }
                    set { _items.Add(value); }
                }

                public void WithDefault(string text = "Server=x;Password=y") => Console.WriteLine(text == null ? "none" : text);

                public static Repository operator +(Repository left, Repository right) => new Repository();

                ~Repository() => Console.WriteLine("finalized");
            }

            public class Holder
            {
                public string Name { get; set; }
            }

            public enum Size { Small = 1, [Note("member")] Large = Small << 4 }

            public record Entry(string Name, int Port = 5432) : Holder2("Host=" + Name);

            public record Holder2(string Text);

            public class Service(string name, int port = 5432) : Base("Host=" + name)
            {
                public string Endpoint => name + ":" + port;
            }

            public record Pair<T>(T Value, string Text = "Host=x;Port=1") : Holder2(Text + "!");

            public class Box<TKey, TValue>(TKey key, TValue value, int size = 3) : Base("Host=" + key)
                where TKey : notnull
            {
                public string Shown => key + "=" + value + size;
            }

            public struct Point
            {
                public int X => 1 + 2;
            }

            public class Fields
            {
                [Note("fields")] private static int _a = "x".Length, _b = "yz".Length;

                public void Run([Note("parameter")] string value = "p") => Console.WriteLine(value + _a + _b);

                public string this[int index] => "item" + index;

                [return: Note("return")]
                public int Get() => 1;
            }

            public delegate void Handler(string text = "d");

            [AttributeUsage(AttributeTargets.All)]
            public sealed class NoteAttribute : Attribute
            {
                public NoteAttribute(string text) { }
            }
            """;

        /// <summary>
        /// Members marked <c>[GeneratedCode]</c>, in a file of their own: only a file that names the attribute has its
        /// members' symbols looked up while the list is made; in every other file (<see cref="Library"/>) a declaration's
        /// symbol is looked up when an action first asks for it, and both ways must give the driver's symbols.
        /// </summary>
        private const string GeneratedParts = """
            using System;

            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public class Generated
            {
                public string Text() => "generated" + 1;

                public class Nested
                {
                    public string Inner() => "inner" + 2;
                }
            }

            public class PartlyGenerated
            {
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                public string Made() => "made" + 3;

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                public string MadeProperty { get { return "made" + 4; } }

                public string Written() => "written" + 5;
            }

            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public partial class TwoParts
            {
                public string First() => "first" + 6;
            }

            public partial class TwoParts
            {
                public string Second() => "second" + 7;
            }
            """;

        private const string Program = """
            using System;

            var text = "Host=" + args.Length;
            Console.WriteLine(new Uri("https://example.com").Host + text);
            static int Twice(int value) => value * 2;
            Console.WriteLine(Twice(2));
            """;

        [Fact]
        public async Task Dispatched_actions_see_the_operations_and_containing_symbols_operation_actions_see_in_a_library()
        {
            var (direct, dispatched) = await RecordBothAsync(OutputKind.DynamicallyLinkedLibrary, Library, GeneratedParts);

            Assert.NotEmpty(direct);
            foreach (var kind in Kinds)
            {
                Assert.Contains(direct, entry => entry.StartsWith(kind + " ", StringComparison.Ordinal));
            }

            Assert.Empty(direct.Except(dispatched));
            Assert.Empty(dispatched.Except(direct));
            Assert.Equal(direct, dispatched);

            // Code the driver takes for generated by its attribute is handed to neither; the rest of its type is, and so
            // are the accessors of a marked property and a marked type declared in two parts.
            foreach (var skipped in new[] { "\"generated\" + 1", "\"inner\" + 2", "\"made\" + 3" })
            {
                Assert.DoesNotContain(direct, entry => entry.Contains(skipped, StringComparison.Ordinal));
            }

            foreach (var handed in new[] { "\"made\" + 4", "\"written\" + 5", "\"first\" + 6", "\"second\" + 7" })
            {
                Assert.Contains(direct, entry => entry.Contains(handed, StringComparison.Ordinal));
            }

            // A primary constructor's base arguments belong to that constructor, for records and (C# 12) classes alike.
            Assert.Contains(direct, entry => entry.StartsWith("Binary ", StringComparison.Ordinal) && entry.EndsWith("\"Host=\" + Name in Entry.Entry(string, int)", StringComparison.Ordinal));
            Assert.Contains(direct, entry => entry.StartsWith("Binary ", StringComparison.Ordinal) && entry.EndsWith("\"Host=\" + name in Service.Service(string, int)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Dispatched_actions_see_top_level_statements_and_their_local_functions()
        {
            var (direct, dispatched) = await RecordBothAsync(OutputKind.ConsoleApplication, Program);

            Assert.Contains(direct, entry => entry.StartsWith("Invocation ", StringComparison.Ordinal) && entry.Contains("Twice(2)", StringComparison.Ordinal));
            Assert.Empty(direct.Except(dispatched));
            Assert.Empty(dispatched.Except(direct));
            Assert.Equal(direct, dispatched);
        }

        /// <summary>
        /// A script (<c>.csx</c>): its variables are fields of the script class and are handed out with their initializers,
        /// its members as in any class (the driver, Roslyn 4.14, hands the top-level statements themselves to no operation
        /// action, and the dispatch does the same).
        /// </summary>
        [Fact]
        public async Task Dispatched_actions_see_script_top_level_code()
        {
            var tree = CSharpSyntaxTree.ParseText(Script, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
            var compilation = CSharpCompilation.CreateScriptCompilation("Script", tree, references);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var direct = new Recorder(dispatched: false);
            var dispatched = new Recorder(dispatched: true);
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(direct, dispatched)).GetAnalyzerDiagnosticsAsync();
            var (directEntries, dispatchedEntries) = (direct.Entries(), dispatched.Entries());
            Assert.Contains(directEntries, entry => entry.StartsWith("Binary ", StringComparison.Ordinal) && entry.EndsWith("\"Host=\" + Environment.ProcessorCount in text", StringComparison.Ordinal));
            Assert.Contains(directEntries, entry => entry.StartsWith("Binary ", StringComparison.Ordinal) && entry.EndsWith("\"a\" + 1 in Inner.Name()", StringComparison.Ordinal));
            Assert.Contains(directEntries, entry => entry.EndsWith("value * 2 in Twice(int)", StringComparison.Ordinal));
            Assert.Equal(directEntries, dispatchedEntries);
        }

        private const string Script = """
            using System;
            var text = "Host=" + Environment.ProcessorCount;
            Console.WriteLine(new Uri("https://example.com").Host + text);
            int Twice(int value) => value * 2;
            Console.WriteLine(Twice(2));
            class Inner { public string Name() => "a" + 1; }
            """;

        /// <summary>
        /// An action registered with a required text is handed the operations of the files whose text holds it, exactly as
        /// the driver hands them, and nothing from the other files; the same analyzer's unfiltered actions still see every
        /// file.
        /// </summary>
        [Fact]
        public async Task A_filtered_action_sees_only_the_files_that_hold_its_text()
        {
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(WithConnection, new CSharpParseOptions(LanguageVersion.Latest), path: "WithConnection.cs"),
                CSharpSyntaxTree.ParseText(WithoutConnection, new CSharpParseOptions(LanguageVersion.Latest), path: "WithoutConnection.cs"),
            };
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
            var compilation = CSharpCompilation.Create("Filtered", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var direct = new Recorder(dispatched: false);
            var filtered = new Recorder(dispatched: true, requiredText: "Connection");
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(direct, filtered)).GetAnalyzerDiagnosticsAsync();

            var directEntries = direct.Entries();
            var invocations = directEntries.Where(entry => entry.StartsWith("Invocation ", StringComparison.Ordinal)).ToArray();
            Assert.Contains(invocations, entry => entry.Contains("@WithoutConnection.cs", StringComparison.Ordinal));
            Assert.Contains(invocations, entry => entry.Contains("CreateConnection()", StringComparison.Ordinal));
            var expected = invocations.Where(entry => entry.Contains("@WithConnection.cs", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, filtered.Entries());
            Assert.Equal(directEntries, filtered.UnfilteredEntries());
        }

        private const string WithConnection = """
            public class Store
            {
                public object CreateConnection() => new object();

                public string Open() => CreateConnection().ToString() + "=" + 1;
            }
            """;

        private const string WithoutConnection = """
            public class Other
            {
                public string Name() => string.Concat("a", "b") + 2;
            }
            """;

        private static async Task<(string[] Direct, string[] Dispatched)> RecordBothAsync(OutputKind outputKind, params string[] sources)
        {
            var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)));
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
            var compilation = CSharpCompilation.Create("Dispatch", trees, references, new CSharpCompilationOptions(outputKind));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var direct = new Recorder(dispatched: false);
            var dispatched = new Recorder(dispatched: true);
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(direct, dispatched)).GetAnalyzerDiagnosticsAsync();
            return (direct.Entries(), dispatched.Entries());
        }

        /// <summary>Records kind, text and containing symbol of every operation of the dispatched kinds it is handed.</summary>
#pragma warning disable RS1036 // A test recorder, not a shipped analyzer.
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class Recorder : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("TEST0001", "Never", "Never", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            private readonly bool _dispatched;
            private readonly string? _requiredText;
            private readonly ConcurrentBag<string> _entries = new ConcurrentBag<string>();
            private readonly ConcurrentBag<string> _unfilteredEntries = new ConcurrentBag<string>();

            /// <param name="requiredText">
            /// When set (dispatched only), one action takes invocations with this required text, and another, unfiltered, every
            /// kind (<see cref="UnfilteredEntries"/>): the same kind in the same file, wanted by one action and not the other.
            /// </param>
            public Recorder(bool dispatched, string? requiredText = null)
            {
                _dispatched = dispatched;
                _requiredText = requiredText;
            }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public string[] Entries() => _entries.OrderBy(e => e, StringComparer.Ordinal).ToArray();

            /// <summary>What the unfiltered action of a recorder with a required text was handed.</summary>
            public string[] UnfilteredEntries() => _unfilteredEntries.OrderBy(e => e, StringComparer.Ordinal).ToArray();

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterCompilationStartAction(start =>
                {
                    if (_dispatched && _requiredText != null)
                    {
                        start.RegisterDispatchedOperationAction(c => Record(c.Operation, c.ContainingSymbol), _requiredText, OperationKind.Invocation);
                        start.RegisterDispatchedOperationAction(c => Record(c.Operation, c.ContainingSymbol, _unfilteredEntries), Kinds);
                    }
                    else if (_dispatched)
                    {
                        start.RegisterDispatchedOperationAction(c => Record(c.Operation, c.ContainingSymbol), Kinds);
                    }
                    else
                    {
                        start.RegisterOperationAction(c => Record(c.Operation, c.ContainingSymbol), Kinds);
                    }
                });
            }

            private void Record(IOperation operation, ISymbol containingSymbol, ConcurrentBag<string>? entries = null)
            {
                (entries ?? _entries).Add(operation.Kind + " " + operation.Syntax.Span + " " + (operation.IsImplicit ? "implicit " : string.Empty)
                    + operation.Syntax.ToString().Replace("\n", " ", StringComparison.Ordinal) + " in " + containingSymbol.ToDisplayString()
                    + (operation.Syntax.SyntaxTree.FilePath.Length > 0 ? " @" + operation.Syntax.SyntaxTree.FilePath : string.Empty));
            }
        }
#pragma warning restore RS1036
    }
}
