using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Reads and rewrites the text of a string literal or of an interpolated string's text part, keeping its style
    /// (regular or verbatim). Raw string literals are not rewritten (callers then offer no fix).
    /// </summary>
    internal static class StringLiterals
    {
        public static bool TryGetValue(SyntaxNode? node, out string value)
        {
            value = string.Empty;
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && !IsRaw(literal.Token):
                    value = literal.Token.ValueText;
                    return true;
                case InterpolatedStringTextSyntax text when text.Parent is InterpolatedStringExpressionSyntax parent && !IsRaw(parent.StringStartToken):
                    value = text.TextToken.ValueText;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The same kind of node with <paramref name="newValue"/> as its text.</summary>
        public static SyntaxNode WithValue(SyntaxNode node, string newValue)
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal:
                    {
                        var token = literal.Token;
                        var newToken = IsVerbatim(token.Text)
                            ? SyntaxFactory.Literal(token.LeadingTrivia, "@\"" + newValue.Replace("\"", "\"\"") + "\"", newValue, token.TrailingTrivia)
                            : SyntaxFactory.Literal(token.LeadingTrivia, Quote(newValue), newValue, token.TrailingTrivia);
                        return literal.WithToken(newToken);
                    }

                case InterpolatedStringTextSyntax text:
                    return InterpolatedText(text.Parent as InterpolatedStringExpressionSyntax, newValue);

                default:
                    return node;
            }
        }

        public static InterpolatedStringTextSyntax InterpolatedText(InterpolatedStringExpressionSyntax? owner, string value)
        {
            var verbatim = owner != null && IsVerbatim(owner.StringStartToken.Text);
            var escaped = new StringBuilder();
            foreach (var c in value)
            {
                switch (c)
                {
                    case '{': escaped.Append("{{"); break;
                    case '}': escaped.Append("}}"); break;
                    case '"': escaped.Append(verbatim ? "\"\"" : "\\\""); break;
                    case '\\': escaped.Append(verbatim ? "\\" : "\\\\"); break;
                    case '\n' when !verbatim: escaped.Append("\\n"); break;
                    case '\r' when !verbatim: escaped.Append("\\r"); break;
                    case '\t' when !verbatim: escaped.Append("\\t"); break;
                    default: escaped.Append(c); break;
                }
            }

            var token = SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, escaped.ToString(), value, default);
            return SyntaxFactory.InterpolatedStringText(token);
        }

        private static string Quote(string value)
        {
            // SyntaxFactory.Literal(string) escapes as C# would.
            return SyntaxFactory.Literal(value).Text;
        }

        private static bool IsVerbatim(string tokenText)
        {
            return tokenText.StartsWith("@", System.StringComparison.Ordinal) || tokenText.StartsWith("$@", System.StringComparison.Ordinal);
        }

        private static bool IsRaw(SyntaxToken token)
        {
            return token.Text.Contains("\"\"\"");
        }
    }
}
