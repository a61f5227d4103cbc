using System;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>Whether a password value written in a connection string is a real secret or a placeholder.</summary>
    internal static class SecretValues
    {
        /// <summary>
        /// True for a non-empty value known at compile time that is not a placeholder filled in later
        /// (<c>{0}</c>, <c>{password}</c>, <c>${DB_PASSWORD}</c>, <c>%DB_PASSWORD%</c>, <c>&lt;your-password&gt;</c>, <c>__PASSWORD__</c>).
        /// </summary>
        public static bool IsLiteralSecret(string value)
        {
            var v = value.Trim();
            if (v.Length == 0 || ResolvedString.ContainsUnknown(v))
            {
                return false;
            }

            return !(IsWrapped(v, "{", "}") || IsWrapped(v, "${", "}") || IsWrapped(v, "%", "%") || IsWrapped(v, "<", ">")
                || IsWrapped(v, "__", "__") || IsWrapped(v, "#{", "}#") || IsWrapped(v, "$(", ")") || ContainsFormatItem(v));
        }

        private static bool IsWrapped(string value, string open, string close)
        {
            return value.Length > open.Length + close.Length
                && value.StartsWith(open, StringComparison.Ordinal) && value.EndsWith(close, StringComparison.Ordinal);
        }

        /// <summary>A composite-format item such as <c>{0}</c> anywhere in the value: string.Format fills it later.</summary>
        private static bool ContainsFormatItem(string value)
        {
            for (var i = value.IndexOf('{'); i >= 0 && i + 2 < value.Length; i = value.IndexOf('{', i + 1))
            {
                var j = i + 1;
                while (j < value.Length && char.IsDigit(value[j]))
                {
                    j++;
                }

                if (j > i + 1 && j < value.Length && (value[j] == '}' || value[j] == ':' || value[j] == ','))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
