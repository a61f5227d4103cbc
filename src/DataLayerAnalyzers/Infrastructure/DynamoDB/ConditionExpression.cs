using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    internal enum ConditionKind
    {
        Or,
        And,
        Not,
        Comparison,
        Between,
        In,
        Function,
    }

    internal enum OperandKind
    {
        /// <summary>A document path: <c>Name</c>, <c>#n</c>, <c>a.b[0].#c</c>.</summary>
        Path,

        /// <summary>An expression attribute value: <c>:v</c>.</summary>
        Value,

        /// <summary>A function used as an operand: <c>size(path)</c>.</summary>
        Function,
    }

    /// <summary>An operand of a comparison: a path, a <c>:value</c> placeholder or <c>size(...)</c>.</summary>
    internal sealed class ConditionOperand
    {
        public ConditionOperand(OperandKind kind, string text, ImmutableArray<string> pathSegments)
        {
            Kind = kind;
            Text = text;
            PathSegments = pathSegments;
        }

        public OperandKind Kind { get; }

        /// <summary>The operand as written.</summary>
        public string Text { get; }

        /// <summary>For a path, its names (placeholders still as <c>#n</c>, index parts dropped).</summary>
        public ImmutableArray<string> PathSegments { get; }

        /// <summary>True for a top-level attribute (a one-segment path without index).</summary>
        public bool IsTopLevelAttribute => Kind == OperandKind.Path && PathSegments.Length == 1 && Text.IndexOf('[') < 0;
    }

    /// <summary>
    /// One node of a parsed DynamoDB condition expression (the grammar of FilterExpression, KeyConditionExpression and
    /// ConditionExpression): <c>OR</c>, <c>AND</c>, <c>NOT</c>, comparisons (<c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c>),
    /// <c>BETWEEN</c>, <c>IN</c> and functions. Start/Length locate the node (with its own parentheses) in the text.
    /// </summary>
    internal sealed class ConditionNode
    {
        public ConditionNode(ConditionKind kind, int start, int length, string? op, ImmutableArray<ConditionNode> children, ImmutableArray<ConditionOperand> operands)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Operator = op;
            Children = children;
            Operands = operands;
        }

        public ConditionKind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        /// <summary>The comparator (<c>=</c>, <c>&lt;&gt;</c>…) or the function name.</summary>
        public string? Operator { get; }

        /// <summary>The sub-conditions of OR/AND/NOT.</summary>
        public ImmutableArray<ConditionNode> Children { get; }

        /// <summary>The operands of a comparison, BETWEEN, IN or function.</summary>
        public ImmutableArray<ConditionOperand> Operands { get; }

        internal ConditionNode WithSpan(int start, int length) => new ConditionNode(Kind, start, length, Operator, Children, Operands);

        /// <summary>The conjuncts of the top-level AND (or the node itself).</summary>
        public ImmutableArray<ConditionNode> Conjuncts => Kind == ConditionKind.And ? Children : ImmutableArray.Create(this);
    }

    /// <summary>
    /// A recursive-descent parser for the DynamoDB condition expression grammar. DynamoDB rejects expressions longer than
    /// <see cref="MaxLength"/> characters, so longer text is not parsed; nesting of parentheses and <c>NOT</c> deeper than
    /// <see cref="MaxDepth"/> is treated as malformed, so no text can exhaust the stack.
    /// </summary>
    internal static class ConditionExpressionParser
    {
        /// <summary>The longest expression DynamoDB accepts (4 KB).</summary>
        public const int MaxLength = 4096;

        /// <summary>The deepest nesting of parentheses and <c>NOT</c> parsed.</summary>
        public const int MaxDepth = 64;

        /// <summary>Parses <paramref name="text"/>; false for malformed, partly unknown, too long or too deeply nested text.</summary>
        public static bool TryParse(string? text, out ConditionNode result)
        {
            result = null!;
            if (string.IsNullOrWhiteSpace(text) || text!.Length > MaxLength || ResolvedString.ContainsUnknown(text))
            {
                return false;
            }

            var tokens = Tokenize(text!);
            if (tokens is null)
            {
                return false;
            }

            var parser = new Parser(tokens);
            var node = parser.ParseOr();
            if (node is null || !parser.AtEnd)
            {
                return false;
            }

            result = node;
            return true;
        }

        private enum TokenKind
        {
            Name,
            Value,
            Comparator,
            LeftParen,
            RightParen,
            Comma,
            Dot,
            LeftBracket,
            RightBracket,
            Number,
        }

        private readonly struct Token
        {
            public Token(TokenKind kind, string text, int start)
            {
                Kind = kind;
                Text = text;
                Start = start;
            }

            public TokenKind Kind { get; }

            public string Text { get; }

            public int Start { get; }

            public int End => Start + Text.Length;

            public bool IsKeyword(string keyword) => Kind == TokenKind.Name && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
        }

        private static List<Token>? Tokenize(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                var start = i;
                switch (c)
                {
                    case '(':
                        tokens.Add(new Token(TokenKind.LeftParen, "(", i++));
                        continue;
                    case ')':
                        tokens.Add(new Token(TokenKind.RightParen, ")", i++));
                        continue;
                    case ',':
                        tokens.Add(new Token(TokenKind.Comma, ",", i++));
                        continue;
                    case '.':
                        tokens.Add(new Token(TokenKind.Dot, ".", i++));
                        continue;
                    case '[':
                        tokens.Add(new Token(TokenKind.LeftBracket, "[", i++));
                        continue;
                    case ']':
                        tokens.Add(new Token(TokenKind.RightBracket, "]", i++));
                        continue;
                    case '=':
                        tokens.Add(new Token(TokenKind.Comparator, "=", i++));
                        continue;
                    case '<':
                        if (i + 1 < text.Length && (text[i + 1] == '=' || text[i + 1] == '>'))
                        {
                            tokens.Add(new Token(TokenKind.Comparator, text.Substring(i, 2), i));
                            i += 2;
                        }
                        else
                        {
                            tokens.Add(new Token(TokenKind.Comparator, "<", i++));
                        }

                        continue;
                    case '>':
                        if (i + 1 < text.Length && text[i + 1] == '=')
                        {
                            tokens.Add(new Token(TokenKind.Comparator, ">=", i));
                            i += 2;
                        }
                        else
                        {
                            tokens.Add(new Token(TokenKind.Comparator, ">", i++));
                        }

                        continue;
                }

                if (c == ':' || c == '#')
                {
                    i++;
                    while (i < text.Length && IsNameChar(text[i]))
                    {
                        i++;
                    }

                    if (i == start + 1)
                    {
                        return null;
                    }

                    tokens.Add(new Token(c == ':' ? TokenKind.Value : TokenKind.Name, text.Substring(start, i - start), start));
                    continue;
                }

                if (char.IsDigit(c))
                {
                    while (i < text.Length && char.IsDigit(text[i]))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Number, text.Substring(start, i - start), start));
                    continue;
                }

                if (IsNameChar(c))
                {
                    while (i < text.Length && IsNameChar(text[i]))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Name, text.Substring(start, i - start), start));
                    continue;
                }

                return null;
            }

            return tokens;
        }

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

        private sealed class Parser
        {
            private readonly List<Token> _tokens;
            private int _position;
            private int _depth;

            public Parser(List<Token> tokens)
            {
                _tokens = tokens;
            }

            public bool AtEnd => _position >= _tokens.Count;

            private Token? Peek(int ahead = 0) => _position + ahead < _tokens.Count ? _tokens[_position + ahead] : (Token?)null;

            private bool NextIsKeyword(string keyword) => Peek() is { } t && t.IsKeyword(keyword);

            private bool NextIs(TokenKind kind) => Peek() is { } t && t.Kind == kind;

            public ConditionNode? ParseOr() => ParseChain("OR", ConditionKind.Or, ParseAnd);

            private ConditionNode? ParseAnd() => ParseChain("AND", ConditionKind.And, ParseNot);

            /// <summary>One or more operands joined by <paramref name="keyword"/>: <c>a AND b AND c</c> is one node with three children.</summary>
            private ConditionNode? ParseChain(string keyword, ConditionKind kind, Func<ConditionNode?> parseOperand)
            {
                var first = parseOperand();
                if (first is null)
                {
                    return null;
                }

                if (!NextIsKeyword(keyword))
                {
                    return first;
                }

                var children = ImmutableArray.CreateBuilder<ConditionNode>();
                children.Add(first);
                while (NextIsKeyword(keyword))
                {
                    _position++;
                    var next = parseOperand();
                    if (next is null)
                    {
                        return null;
                    }

                    children.Add(next);
                }

                return Combine(kind, children.ToImmutable());
            }

            private static ConditionNode Combine(ConditionKind kind, ImmutableArray<ConditionNode> children)
            {
                var start = children[0].Start;
                var last = children[children.Length - 1];
                return new ConditionNode(kind, start, last.Start + last.Length - start, null, children, ImmutableArray<ConditionOperand>.Empty);
            }

            private ConditionNode? ParseNot()
            {
                if (NextIsKeyword("NOT"))
                {
                    if (_depth >= MaxDepth)
                    {
                        return null;
                    }

                    var notToken = _tokens[_position++];
                    _depth++;
                    var operand = ParseNot();
                    _depth--;
                    if (operand is null)
                    {
                        return null;
                    }

                    return new ConditionNode(ConditionKind.Not, notToken.Start, operand.Start + operand.Length - notToken.Start, "NOT", ImmutableArray.Create(operand), ImmutableArray<ConditionOperand>.Empty);
                }

                return ParsePredicate();
            }

            private ConditionNode? ParsePredicate()
            {
                if (NextIs(TokenKind.LeftParen))
                {
                    if (_depth >= MaxDepth)
                    {
                        return null;
                    }

                    var open = _tokens[_position++];
                    _depth++;
                    var inner = ParseOr();
                    _depth--;
                    if (inner is null || !NextIs(TokenKind.RightParen))
                    {
                        return null;
                    }

                    var close = _tokens[_position++];
                    return inner.WithSpan(open.Start, close.End - open.Start);
                }

                var start = Peek()?.Start ?? 0;

                // A function used as a condition: attribute_exists(path), begins_with(path, :v), contains(...), attribute_type(...).
                if (Peek() is { Kind: TokenKind.Name } name && !name.Text.StartsWith("#", StringComparison.Ordinal)
                    && Peek(1) is { Kind: TokenKind.LeftParen } && !string.Equals(name.Text, "size", StringComparison.OrdinalIgnoreCase))
                {
                    var function = ParseFunctionCall(out var end);
                    if (function is null)
                    {
                        return null;
                    }

                    return new ConditionNode(ConditionKind.Function, start, end - start, name.Text, ImmutableArray<ConditionNode>.Empty, function.Value);
                }

                var left = ParseOperand(out _);
                if (left is null)
                {
                    return null;
                }

                if (NextIs(TokenKind.Comparator))
                {
                    var op = _tokens[_position++];
                    var right = ParseOperand(out var end);
                    return right is null ? null : new ConditionNode(ConditionKind.Comparison, start, end - start, op.Text, ImmutableArray<ConditionNode>.Empty, ImmutableArray.Create(left, right));
                }

                if (NextIsKeyword("BETWEEN"))
                {
                    _position++;
                    var low = ParseOperand(out _);
                    if (low is null || !NextIsKeyword("AND"))
                    {
                        return null;
                    }

                    _position++;
                    var high = ParseOperand(out var end);
                    return high is null ? null : new ConditionNode(ConditionKind.Between, start, end - start, "BETWEEN", ImmutableArray<ConditionNode>.Empty, ImmutableArray.Create(left, low, high));
                }

                if (NextIsKeyword("IN") && Peek(1) is { Kind: TokenKind.LeftParen })
                {
                    _position += 2;
                    var operands = ImmutableArray.CreateBuilder<ConditionOperand>();
                    operands.Add(left);
                    if (!ParseOperandList(operands, allowEmpty: false, out var end))
                    {
                        return null;
                    }

                    return new ConditionNode(ConditionKind.In, start, end - start, "IN", ImmutableArray<ConditionNode>.Empty, operands.ToImmutable());
                }

                return null;
            }

            private ImmutableArray<ConditionOperand>? ParseFunctionCall(out int end)
            {
                _position += 2; // name (
                var operands = ImmutableArray.CreateBuilder<ConditionOperand>();
                return ParseOperandList(operands, allowEmpty: true, out end) ? operands.ToImmutable() : (ImmutableArray<ConditionOperand>?)null;
            }

            /// <summary>Comma-separated operands up to and including the closing parenthesis; <paramref name="end"/> is where it ends.</summary>
            private bool ParseOperandList(ImmutableArray<ConditionOperand>.Builder operands, bool allowEmpty, out int end)
            {
                end = 0;
                if (!(allowEmpty && NextIs(TokenKind.RightParen)))
                {
                    while (true)
                    {
                        var operand = ParseOperand(out _);
                        if (operand is null)
                        {
                            return false;
                        }

                        operands.Add(operand);
                        if (!NextIs(TokenKind.Comma))
                        {
                            break;
                        }

                        _position++;
                    }
                }

                if (!NextIs(TokenKind.RightParen))
                {
                    return false;
                }

                end = _tokens[_position++].End;
                return true;
            }

            private ConditionOperand? ParseOperand(out int end)
            {
                end = 0;
                if (Peek() is not { } first)
                {
                    return null;
                }

                if (first.Kind == TokenKind.Value)
                {
                    _position++;
                    end = first.End;
                    return new ConditionOperand(OperandKind.Value, first.Text, ImmutableArray<string>.Empty);
                }

                if (first.Kind != TokenKind.Name || IsReserved(first))
                {
                    return null;
                }

                if (string.Equals(first.Text, "size", StringComparison.OrdinalIgnoreCase) && Peek(1) is { Kind: TokenKind.LeftParen })
                {
                    var args = ParseFunctionCall(out end);
                    return args is null ? null : new ConditionOperand(OperandKind.Function, "size", ImmutableArray<string>.Empty);
                }

                var segments = ImmutableArray.CreateBuilder<string>();
                var text = new System.Text.StringBuilder();
                _position++;
                segments.Add(first.Text);
                text.Append(first.Text);
                end = first.End;
                while (true)
                {
                    if (NextIs(TokenKind.Dot) && Peek(1) is { Kind: TokenKind.Name } next)
                    {
                        _position += 2;
                        segments.Add(next.Text);
                        text.Append('.').Append(next.Text);
                        end = next.End;
                    }
                    else if (NextIs(TokenKind.LeftBracket) && Peek(1) is { Kind: TokenKind.Number } number && Peek(2) is { Kind: TokenKind.RightBracket } close)
                    {
                        _position += 3;
                        text.Append('[').Append(number.Text).Append(']');
                        end = close.End;
                    }
                    else
                    {
                        break;
                    }
                }

                return new ConditionOperand(OperandKind.Path, text.ToString(), segments.ToImmutable());
            }

            private static bool IsReserved(Token token)
                => token.IsKeyword("AND") || token.IsKeyword("OR") || token.IsKeyword("NOT") || token.IsKeyword("BETWEEN") || token.IsKeyword("IN");
        }
    }
}
