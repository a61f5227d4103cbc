using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// A pre-filter for the passes that look for a few names across every file of a compilation (call sites of one
    /// method, DI registrations, key-schema declarations): a file whose text does not hold the name as a word cannot
    /// hold a syntax node of that name, so it is neither walked nor bound. It only ever skips work; what a pass finds is
    /// still decided on syntax and symbols.
    /// <para>
    /// Each file's text is read once into the sorted hashes of the words it holds (runs of letters, digits and
    /// <c>_</c>: identifiers and keywords, also words in comments and strings). The table is kept per syntax tree, so
    /// the next compilation of an IDE session reuses it for every file that did not change. A hash collision only lets a
    /// file through. A name written with a Unicode escape (<c>\u0041ddScoped</c>) is not seen.
    /// </para>
    /// </summary>
    internal static class SourceTextFilter
    {
        private static readonly ConditionalWeakTable<SyntaxTree, int[]> WordHashes = new ConditionalWeakTable<SyntaxTree, int[]>();

        /// <summary>
        /// The string of each text, made once while the text lives: a text read from one string hands out that string
        /// itself (nothing is copied), a chunked or edited text is copied once instead of on every question.
        /// </summary>
        private static readonly ConditionalWeakTable<SourceText, string> Strings = new ConditionalWeakTable<SourceText, string>();

        /// <summary>True when the text of <paramref name="tree"/> may hold <paramref name="word"/> as a whole word.</summary>
        public static bool MayContainWord(SyntaxTree tree, string word, CancellationToken cancellationToken)
        {
            return word.Length < MinIndexedLength || Holds(HashesOf(tree, cancellationToken), Hash(word, 0, word.Length));
        }

        /// <summary>True when a file's table holds the hash of a word (long enough to be kept in it).</summary>
        private static bool Holds(int[] hashes, int wordHash) => Array.BinarySearch(hashes, wordHash) >= 0;

        /// <summary>
        /// The files of <paramref name="compilation"/> whose text may hold <paramref name="word"/> as a whole word, in the
        /// compilation's order. For passes that ask about many names across every file (the call graph): the word is
        /// hashed once, and each file's table is reached from an array kept per compilation, not looked up per file.
        /// </summary>
        public static IEnumerable<SyntaxTree> TreesMayContainWord(Compilation compilation, string word, CancellationToken cancellationToken)
        {
            var tables = CompilationTables.GetValue(compilation, static c => new CompilationWordTables(c));
            if (word.Length < MinIndexedLength)
            {
                foreach (var tree in tables.Trees)
                {
                    yield return tree;
                }

                yield break;
            }

            var hash = Hash(word, 0, word.Length);
            for (var i = 0; i < tables.Trees.Length; i++)
            {
                if ((i & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var hashes = tables.Hashes[i];
                if (hashes is null)
                {
                    tables.Hashes[i] = hashes = HashesOf(tables.Trees[i], cancellationToken); // the same table for every thread: a race only stores it twice
                }

                if (Holds(hashes, hash))
                {
                    yield return tables.Trees[i];
                }
            }
        }

        private static readonly ConditionalWeakTable<Compilation, CompilationWordTables> CompilationTables = new ConditionalWeakTable<Compilation, CompilationWordTables>();

        /// <summary>The files of one compilation and, filled in as they are first needed, their word tables.</summary>
        private sealed class CompilationWordTables
        {
            public CompilationWordTables(Compilation compilation)
            {
                Trees = System.Linq.Enumerable.ToArray(compilation.SyntaxTrees);
                Hashes = new int[]?[Trees.Length];
            }

            public SyntaxTree[] Trees { get; }

            public int[]?[] Hashes { get; }
        }

        /// <summary>Words shorter than this (<c>if</c>, <c>i</c>) are not kept in the table; a question about one always passes.</summary>
        private const int MinIndexedLength = 3;

        /// <summary>True when the text of <paramref name="tree"/> may hold one of <paramref name="words"/> as a whole word.</summary>
        public static bool MayContainAnyWord(SyntaxTree tree, IEnumerable<string> words, CancellationToken cancellationToken)
        {
            var hashes = HashesOf(tree, cancellationToken);
            foreach (var word in words)
            {
                if (word.Length < MinIndexedLength || Holds(hashes, Hash(word, 0, word.Length)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The positions in <paramref name="text"/> where <paramref name="word"/> stands as a whole word (no identifier
        /// character on either side): where a token of that name may start.
        /// </summary>
        public static IEnumerable<int> WordPositions(string text, string word)
        {
            for (var index = text.IndexOf(word, StringComparison.Ordinal); index >= 0; index = text.IndexOf(word, index + word.Length, StringComparison.Ordinal))
            {
                var end = index + word.Length;
                if ((index == 0 || !IsWordPart(text[index - 1])) && (end == text.Length || !IsWordPart(text[end])))
                {
                    yield return index;
                }
            }
        }

        /// <summary>
        /// The identifier tokens of <paramref name="tree"/> whose name is <paramref name="word"/>, in document order,
        /// found from the places the word stands in the text (nothing else of the tree is visited). An occurrence in a
        /// comment or a string is no identifier token and is passed over.
        /// </summary>
        public static IEnumerable<SyntaxToken> IdentifiersNamed(SyntaxTree tree, string word, CancellationToken cancellationToken)
        {
            return MayContainWord(tree, word, cancellationToken) ? IdentifiersNamedInText(tree, word, cancellationToken) : Array.Empty<SyntaxToken>();
        }

        /// <summary><see cref="IdentifiersNamed"/> for a tree already known to pass <see cref="MayContainWord"/>.</summary>
        public static IEnumerable<SyntaxToken> IdentifiersNamedInText(SyntaxTree tree, string word, CancellationToken cancellationToken)
        {
            var text = TextOf(tree, cancellationToken);
            var root = tree.GetRoot(cancellationToken);
            foreach (var position in WordPositions(text, word))
            {
                var token = root.FindToken(position);
                if (token.RawKind == IdentifierTokenKind && token.Span.Contains(position) && token.ValueText == word)
                {
                    yield return token;
                }
            }
        }

        private static readonly int IdentifierTokenKind = (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken;

        /// <summary>
        /// The expression a name found by <see cref="IdentifiersNamed"/> is written as the last part of: <c>a.Name</c>,
        /// <c>A.Name</c> (a qualified type name), <c>a?.Name</c>, <c>alias::Name</c>; the name itself otherwise. What the
        /// passes then ask of its parent: is it the callee of a call, the type of a creation, an attribute's name.
        /// </summary>
        public static SyntaxNode WrittenExpression(SimpleNameSyntax name)
        {
            switch (name.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == name:
                    return access;
                case QualifiedNameSyntax qualified when qualified.Right == name:
                    return qualified;
                case MemberBindingExpressionSyntax binding when binding.Name == name:
                    return binding;
                case AliasQualifiedNameSyntax alias when alias.Name == name:
                    return alias;
                default:
                    return name;
            }
        }

        /// <summary>The whole text of <paramref name="tree"/> as one string.</summary>
        public static string TextOf(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = tree.TryGetText(out var existing) ? existing : tree.GetText(cancellationToken);
            return Strings.GetValue(text, static t => t.ToString());
        }

        private static int[] HashesOf(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (WordHashes.TryGetValue(tree, out var known))
            {
                return known;
            }

            var text = TextOf(tree, cancellationToken);
            var table = DistinctWordHashes(text, cancellationToken);
            Array.Sort(table);
            return WordHashes.GetValue(tree, _ => table);
        }

        /// <summary>
        /// The distinct hashes of the words of <paramref name="text"/> (at least <see cref="MinIndexedLength"/> long), in no
        /// order: kept distinct as they are met, in an open-addressing set reused by the thread, so that only the few
        /// hundred distinct words of a file are sorted, not its thousands of words.
        /// </summary>
        private static int[] DistinctWordHashes(string text, CancellationToken cancellationToken)
        {
            var set = _set ??= new WordHashSet();
            set.Clear();
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && IsWordPart(text[i]))
                {
                    if (start < 0)
                    {
                        start = i;
                    }
                }
                else if (start >= 0)
                {
                    if (i - start >= MinIndexedLength)
                    {
                        set.Add(Hash(text, start, i - start));
                    }

                    start = -1;
                }

                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            var result = set.ToArray();
            if (set.Capacity > WordHashSet.MaxKeptCapacity)
            {
                _set = null; // a huge file's table is not kept alive by the thread
            }

            return result;
        }

        [ThreadStatic]
        private static WordHashSet? _set;

        /// <summary>
        /// A set of ints by open addressing, 0 marking a free slot (the value 0 itself is kept aside). The distinct values
        /// are also kept in the order met, for <see cref="ToArray"/>.
        /// </summary>
        private sealed class WordHashSet
        {
            public const int MaxKeptCapacity = 1 << 16;

            private int[] _keys = new int[1024];
            private int[] _values = new int[512];
            private int _count;
            private bool _hasZero;

            public int Capacity => _keys.Length;

            public void Clear()
            {
                Array.Clear(_keys, 0, _keys.Length);
                _count = 0;
                _hasZero = false;
            }

            public void Add(int value)
            {
                if (value == 0)
                {
                    if (!_hasZero)
                    {
                        _hasZero = true;
                        Append(0);
                    }

                    return;
                }

                var mask = _keys.Length - 1;
                for (var slot = Mix(value) & mask; ; slot = (slot + 1) & mask)
                {
                    var key = _keys[slot];
                    if (key == 0)
                    {
                        _keys[slot] = value;
                        Append(value);
                        if (_count * 2 > _keys.Length)
                        {
                            Grow();
                        }

                        return;
                    }

                    if (key == value)
                    {
                        return;
                    }
                }
            }

            public int[] ToArray()
            {
                var result = new int[_count];
                Array.Copy(_values, result, _count);
                return result;
            }

            private void Append(int value)
            {
                if (_count == _values.Length)
                {
                    Array.Resize(ref _values, _values.Length * 2);
                }

                _values[_count++] = value;
            }

            private void Grow()
            {
                _keys = new int[_keys.Length * 2];
                var mask = _keys.Length - 1;
                for (var i = 0; i < _count; i++)
                {
                    var value = _values[i];
                    if (value == 0)
                    {
                        continue;
                    }

                    var slot = Mix(value) & mask;
                    while (_keys[slot] != 0)
                    {
                        slot = (slot + 1) & mask;
                    }

                    _keys[slot] = value;
                }
            }

            /// <summary>FNV-1a's low bits are weak for short words; a multiplicative mix spreads them over the table.</summary>
            private static int Mix(int value) => (int)(((uint)value * 2654435769u) >> 7);
        }

        /// <summary>FNV-1a over the characters of one word.</summary>
        private static int Hash(string text, int start, int length)
        {
            unchecked
            {
                var hash = (int)2166136261;
                for (var i = start; i < start + length; i++)
                {
                    hash = (hash ^ text[i]) * 16777619;
                }

                return hash;
            }
        }

        private static bool IsWordPart(char c)
        {
            return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' : char.IsLetterOrDigit(c);
        }
    }
}
