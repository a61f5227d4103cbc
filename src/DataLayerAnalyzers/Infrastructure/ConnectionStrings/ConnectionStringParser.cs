using System;
using System.Collections.Generic;
using System.Data.Common;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>One <c>key=value</c> setting of a connection string, with where its parts stand in the string.</summary>
    internal sealed class ConnectionStringEntry
    {
        public ConnectionStringEntry(string key, string value, int segmentStart, int segmentLength, int valueStart, int valueLength)
        {
            Key = key;
            Value = value;
            SegmentStart = segmentStart;
            SegmentLength = segmentLength;
            ValueStart = valueStart;
            ValueLength = valueLength;
        }

        /// <summary>The keyword as written, trimmed (for messages: never the value).</summary>
        public string Key { get; }

        /// <summary>The value as the driver reads it (quotes removed, trimmed).</summary>
        public string Value { get; }

        /// <summary>Offset of the whole <c>key=value</c> segment in the connection string.</summary>
        public int SegmentStart { get; }

        public int SegmentLength { get; }

        /// <summary>Offset of the value text as written (quotes included) in the connection string.</summary>
        public int ValueStart { get; }

        public int ValueLength { get; }

        public bool IsValueKnown => Value.IndexOf(ResolvedString.Unknown) < 0;
    }

    /// <summary>
    /// Parses connection strings. ADO.NET strings (<c>key=value;…</c>) are read with
    /// <see cref="DbConnectionStringBuilder"/>, the generic syntax every provider shares (quoting, escaping, trimming,
    /// last key wins); a light scan of the same syntax gives the offsets needed to report and fix a setting.
    /// StackExchange.Redis strings (<c>host:port,key=value,…</c>) have their own comma syntax.
    /// Parts of the value unknown at compile time (<see cref="ResolvedString.Unknown"/>) make only their own segment unknown.
    /// </summary>
    internal static class ConnectionStringParser
    {
        public static IReadOnlyList<ConnectionStringEntry> ParseAdo(string text)
        {
            var segments = SplitSegments(text, ';');
            var parsed = ReadWithBuilder(text);
            var result = new List<ConnectionStringEntry>(segments.Count);
            foreach (var segment in segments)
            {
                var key = segment.Key;
                if (key.Length == 0 || key.IndexOf(ResolvedString.Unknown) >= 0)
                {
                    continue;
                }

                string value;
                if (parsed != null)
                {
                    if (!parsed.TryGetValue(key, out var builderValue))
                    {
                        continue;
                    }

                    value = builderValue;
                }
                else
                {
                    var single = ReadWithBuilder(text.Substring(segment.Start, segment.Length));
                    if (single is null || !single.TryGetValue(key, out var singleValue))
                    {
                        // A segment the generic syntax rejects (half-known, malformed): its value is not known.
                        value = ResolvedString.Unknown.ToString();
                    }
                    else
                    {
                        value = singleValue;
                    }
                }

                // The same key written twice: the driver keeps the last one only.
                result.RemoveAll(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
                result.Add(new ConnectionStringEntry(key, value, segment.Start, segment.Length, segment.ValueStart, segment.ValueLength));
            }

            return result;
        }

        /// <summary>StackExchange.Redis configuration: comma-separated endpoints and <c>key=value</c> options.</summary>
        public static IReadOnlyList<ConnectionStringEntry> ParseRedis(string text, out IReadOnlyList<string> endpoints)
        {
            var result = new List<ConnectionStringEntry>();
            var hosts = new List<string>();
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != ',')
                {
                    continue;
                }

                var length = i - start;
                var raw = text.Substring(start, length);
                var equals = raw.IndexOf('=');
                if (equals < 0)
                {
                    var host = raw.Trim();
                    if (host.Length > 0)
                    {
                        hosts.Add(host);
                    }
                }
                else
                {
                    var key = raw.Substring(0, equals).Trim();
                    var valueRaw = raw.Substring(equals + 1);
                    var leading = valueRaw.Length - valueRaw.TrimStart().Length;
                    var value = valueRaw.Trim();
                    if (key.Length > 0 && key.IndexOf(ResolvedString.Unknown) < 0)
                    {
                        result.Add(new ConnectionStringEntry(key, value, start, length, start + equals + 1 + leading, value.Length));
                    }
                }

                start = i + 1;
            }

            endpoints = hosts;
            return result;
        }

        private static Dictionary<string, string>? ReadWithBuilder(string text)
        {
            try
            {
                var builder = new DbConnectionStringBuilder { ConnectionString = text };
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string key in builder.Keys)
                {
                    if (key.IndexOf(ResolvedString.Unknown) >= 0)
                    {
                        return null; // an unknown part swallowed a separator: read segment by segment instead
                    }

                    values[key] = Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }

                return values;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private readonly struct Segment
        {
            public Segment(string key, int start, int length, int valueStart, int valueLength)
            {
                Key = key;
                Start = start;
                Length = length;
                ValueStart = valueStart;
                ValueLength = valueLength;
            }

            public string Key { get; }

            public int Start { get; }

            public int Length { get; }

            public int ValueStart { get; }

            public int ValueLength { get; }
        }

        /// <summary>
        /// Splits at separators outside quoted values and finds each key and value span. Only offsets come from here;
        /// values come from <see cref="DbConnectionStringBuilder"/>. A later segment with the same key wins, as in the drivers.
        /// </summary>
        private static List<Segment> SplitSegments(string text, char separator)
        {
            var segments = new List<Segment>();
            var position = 0;
            while (position < text.Length)
            {
                var start = position;
                var equals = -1;
                while (position < text.Length && text[position] != separator)
                {
                    if (text[position] == '=')
                    {
                        if (position + 1 < text.Length && text[position + 1] == '=' && equals < 0)
                        {
                            position += 2; // "==" is an escaped '=' inside a key
                            continue;
                        }

                        equals = position;
                        break;
                    }

                    position++;
                }

                if (equals < 0)
                {
                    position++;
                    continue;
                }

                // Value: quoted ('…' or "…" with doubled quotes) or up to the next separator.
                var valueStart = equals + 1;
                while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart]) && text[valueStart] != separator)
                {
                    valueStart++;
                }

                var end = valueStart;
                if (end < text.Length && (text[end] == '\'' || text[end] == '"'))
                {
                    var quote = text[end];
                    end++;
                    while (end < text.Length)
                    {
                        if (text[end] == quote)
                        {
                            if (end + 1 < text.Length && text[end + 1] == quote)
                            {
                                end += 2;
                                continue;
                            }

                            end++;
                            break;
                        }

                        end++;
                    }

                    while (end < text.Length && text[end] != separator)
                    {
                        end++;
                    }
                }
                else
                {
                    while (end < text.Length && text[end] != separator)
                    {
                        end++;
                    }
                }

                var valueEnd = end;
                while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
                {
                    valueEnd--;
                }

                var key = text.Substring(start, equals - start).Replace("==", "=").Trim();
                segments.Add(new Segment(key, start, end - start, valueStart, valueEnd - valueStart));
                position = end + 1;
            }

            return segments;
        }
    }
}
