using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Infrastructure.Json
{
    /// <summary>A string value found in a JSON document, with the property path that leads to it and its token's span.</summary>
    internal sealed class JsonStringValue
    {
        public JsonStringValue(IReadOnlyList<string> path, string value, TextSpan span, int objectId)
        {
            Path = path;
            Value = value;
            Span = span;
            ObjectId = objectId;
        }

        /// <summary>Property names from the root (array items appear as their index).</summary>
        public IReadOnlyList<string> Path { get; }

        /// <summary>The decoded value (escapes resolved).</summary>
        public string Value { get; }

        /// <summary>The span of the string token, quotes included.</summary>
        public TextSpan Span { get; }

        /// <summary>Identifies the object (or array) that directly holds the value: siblings share it.</summary>
        public int ObjectId { get; }

        public string PropertyName => Path.Count > 0 ? Path[Path.Count - 1] : string.Empty;
    }

    /// <summary>
    /// A small, tolerant JSON reader for configuration files (appsettings.json): objects, arrays, strings with escapes,
    /// numbers, literals, plus the comments and trailing commas that .NET's configuration reader accepts. It never throws:
    /// on malformed input it returns what it read before the error. Nesting deeper than <see cref="MaxDepth"/> (the default
    /// of System.Text.Json) is treated like malformed input, so no document can exhaust the stack.
    /// </summary>
    internal sealed class JsonReader
    {
        /// <summary>The deepest nesting of objects and arrays read; deeper documents are read up to that point.</summary>
        public const int MaxDepth = 64;

        private readonly string _text;
        private readonly List<JsonStringValue> _values = new List<JsonStringValue>();
        private readonly List<string> _path = new List<string>();
        private int _position;
        private int _nextObjectId;

        private JsonReader(string text)
        {
            _text = text;
        }

        public static IReadOnlyList<JsonStringValue> ReadStringValues(string text)
        {
            var reader = new JsonReader(text);
            try
            {
                reader.SkipTrivia();
                reader.ReadValue(-1, 0);
            }
            catch (FormatException)
            {
                // Malformed document: keep what was read before the error.
            }

            return reader._values;
        }

        private void ReadValue(int containerId, int depth)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                throw new FormatException();
            }

            var c = _text[_position];
            if ((c == '{' || c == '[') && depth >= MaxDepth)
            {
                throw new FormatException();
            }

            switch (c)
            {
                case '{':
                    ReadObject(depth + 1);
                    break;
                case '[':
                    ReadArray(depth + 1);
                    break;
                case '"':
                    {
                        var start = _position;
                        var value = ReadString();
                        _values.Add(new JsonStringValue(_path.ToArray(), value, TextSpan.FromBounds(start, _position), containerId));
                        break;
                    }

                default:
                    ReadScalar();
                    break;
            }
        }

        private void ReadObject(int depth)
        {
            var id = _nextObjectId++;
            _position++; // {
            while (true)
            {
                SkipTrivia();
                if (Peek() == '}')
                {
                    _position++;
                    return;
                }

                if (Peek() != '"')
                {
                    throw new FormatException();
                }

                var name = ReadString();
                SkipTrivia();
                if (Peek() != ':')
                {
                    throw new FormatException();
                }

                _position++;
                _path.Add(name);
                ReadValue(id, depth);
                _path.RemoveAt(_path.Count - 1);
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                if (Peek() == '}')
                {
                    _position++;
                    return;
                }

                throw new FormatException();
            }
        }

        private void ReadArray(int depth)
        {
            var id = _nextObjectId++;
            _position++; // [
            var index = 0;
            while (true)
            {
                SkipTrivia();
                if (Peek() == ']')
                {
                    _position++;
                    return;
                }

                _path.Add(index.ToString(CultureInfo.InvariantCulture));
                ReadValue(id, depth);
                _path.RemoveAt(_path.Count - 1);
                index++;
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                if (Peek() == ']')
                {
                    _position++;
                    return;
                }

                throw new FormatException();
            }
        }

        private string ReadString()
        {
            _position++; // opening quote
            var builder = new StringBuilder();
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    break;
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 <= _text.Length
                            && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            builder.Append((char)code);
                            _position += 4;
                            break;
                        }

                        throw new FormatException();
                    default:
                        throw new FormatException();
                }
            }

            throw new FormatException();
        }

        private void ReadScalar()
        {
            var start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '-' || _text[_position] == '+' || _text[_position] == '.'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw new FormatException();
            }
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? _text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
