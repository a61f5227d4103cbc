using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>A span marked in test markup: <c>[|…|]</c>, <c>{|DLA1001:…|}</c> or <c>{|#0:…|}</c>.</summary>
    public sealed record MarkedSpan(TextSpan Span, string? DiagnosticId, int? LocationKey);

    /// <summary>Strips roslyn-sdk style markup from a source text and reports the spans it marked.</summary>
    public static class MarkupParser
    {
        public static (string Text, List<MarkedSpan> Spans) Parse(string markup)
        {
            var output = new StringBuilder(markup.Length);
            var spans = new List<MarkedSpan>();
            var open = new Stack<(int Start, string? Id, int? Key)>();
            var i = 0;
            while (i < markup.Length)
            {
                if (Matches(markup, i, "[|"))
                {
                    open.Push((output.Length, null, null));
                    i += 2;
                }
                else if (Matches(markup, i, "{|") && TryReadLabel(markup, i + 2, out var label, out var next))
                {
                    if (label.StartsWith("#", StringComparison.Ordinal))
                    {
                        open.Push((output.Length, null, int.Parse(label.Substring(1))));
                    }
                    else
                    {
                        open.Push((output.Length, label, null));
                    }

                    i = next;
                }
                else if (Matches(markup, i, "|]") || Matches(markup, i, "|}"))
                {
                    if (open.Count == 0)
                    {
                        throw new InvalidOperationException($"Unbalanced markup close at offset {i}.");
                    }

                    var (start, id, key) = open.Pop();
                    spans.Add(new MarkedSpan(TextSpan.FromBounds(start, output.Length), id, key));
                    i += 2;
                }
                else
                {
                    output.Append(markup[i]);
                    i++;
                }
            }

            if (open.Count != 0)
            {
                throw new InvalidOperationException("Unclosed markup span.");
            }

            spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
            return (output.ToString(), spans);
        }

        private static bool Matches(string text, int index, string token)
        {
            return string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
        }

        private static bool TryReadLabel(string text, int start, out string label, out int next)
        {
            var colon = text.IndexOf(':', start);
            label = string.Empty;
            next = -1;
            if (colon < 0 || colon - start > 20 || colon == start)
            {
                return false;
            }

            var candidate = text.Substring(start, colon - start);
            foreach (var c in candidate)
            {
                if (!(char.IsLetterOrDigit(c) || c == '#'))
                {
                    return false;
                }
            }

            label = candidate;
            next = colon + 1;
            return true;
        }
    }
}
