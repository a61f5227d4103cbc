using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>One piece of a string value: text known at compile time and where it is written, or an unknown hole.</summary>
    internal readonly struct StringPiece
    {
        public StringPiece(string text, SyntaxNode? source, bool isKnown)
        {
            Text = text;
            Source = source;
            IsKnown = isKnown;
        }

        /// <summary>The piece's value; for an unknown piece a single <see cref="ResolvedString.Unknown"/> character.</summary>
        public string Text { get; }

        /// <summary>
        /// Where the text is written: a string literal, an interpolated-string text part, or (for a non-string constant
        /// such as a number) the expression. Null for unknown pieces.
        /// </summary>
        public SyntaxNode? Source { get; }

        public bool IsKnown { get; }
    }

    /// <summary>
    /// A string value as far as it is known at compile time: the concatenation of its pieces, with each unknown part
    /// (a parameter, a configuration read, a method call) standing as one <see cref="Unknown"/> character.
    /// </summary>
    internal sealed class ResolvedString
    {
        public const char Unknown = '\uFFFF';

        public ResolvedString(ImmutableArray<StringPiece> pieces, SyntaxNode origin)
        {
            Pieces = pieces;
            Origin = origin;
            var builder = new StringBuilder();
            var known = true;
            foreach (var piece in pieces)
            {
                builder.Append(piece.Text);
                known &= piece.IsKnown;
            }

            Value = builder.ToString();
            IsFullyKnown = known;
        }

        public ImmutableArray<StringPiece> Pieces { get; }

        /// <summary>The expression the value was resolved from (at the use site).</summary>
        public SyntaxNode Origin { get; }

        public string Value { get; }

        public bool IsFullyKnown { get; }

        public static bool ContainsUnknown(string? text) => text != null && text.IndexOf(Unknown) >= 0;

        /// <summary>The piece that holds the character at <paramref name="offset"/> of <see cref="Value"/>.</summary>
        public bool TryFindPiece(int offset, out StringPiece piece, out int offsetInPiece)
        {
            var start = 0;
            foreach (var candidate in Pieces)
            {
                if (offset >= start && offset < start + candidate.Text.Length)
                {
                    piece = candidate;
                    offsetInPiece = offset - start;
                    return true;
                }

                start += candidate.Text.Length;
            }

            piece = default;
            offsetInPiece = -1;
            return false;
        }

        /// <summary>
        /// The node where the text in [<paramref name="start"/>, <paramref name="start"/>+<paramref name="length"/>) is written,
        /// when one known piece holds all of it; otherwise the first known piece it touches, otherwise <see cref="Origin"/>.
        /// </summary>
        public SyntaxNode LocateSpan(int start, int length)
        {
            if (TryFindPiece(start, out var first, out var offsetInFirst))
            {
                if (first.IsKnown && first.Source != null)
                {
                    return first.Source;
                }
            }

            var position = 0;
            foreach (var piece in Pieces)
            {
                var end = position + piece.Text.Length;
                if (end > start && position < start + length && piece.IsKnown && piece.Source != null)
                {
                    return piece.Source;
                }

                position = end;
            }

            return Origin;
        }
    }
}
