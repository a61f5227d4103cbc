using System.Collections.Immutable;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// The edit a connection-string diagnostic proposes, carried in its properties so the fixer re-applies it to the
    /// literal (or typed assignment) without guessing.
    /// </summary>
    internal static class SettingEdits
    {
        public const string EditKey = "Edit";
        public const string KeywordKey = "Keyword";
        public const string ValueKey = "Value";
        public const string ProviderKey = "Provider";

        /// <summary>The value the setting has in the analyzed string: the fixer edits a literal only when it finds the same value there.</summary>
        public const string CurrentValueKey = "Current";

        /// <summary>Set the keyword's value inside the literal.</summary>
        public const string SetValue = "SetValue";

        /// <summary>Remove the keyword's whole segment from the literal.</summary>
        public const string RemoveSegment = "RemoveSegment";

        /// <summary>Replace the keyword's value with a read of an environment variable.</summary>
        public const string ReadFromEnvironment = "ReadFromEnvironment";

        /// <summary>Assign another value to the typed property (<see cref="ValueKey"/>: true, false or an enum/option member name).</summary>
        public const string SetTyped = "SetTyped";

        /// <summary>Remove the typed assignment (or the certificate-callback registration).</summary>
        public const string RemoveStatement = "RemoveStatement";

        public static ImmutableDictionary<string, string?> Create(string edit, DbProvider provider, ConnectionStringEntry entry, string? value = null)
        {
            return Create(edit, provider, entry.Key, value).Add(CurrentValueKey, entry.Value);
        }

        public static ImmutableDictionary<string, string?> Create(string edit, DbProvider provider, string? keyword = null, string? value = null)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder[EditKey] = edit;
            builder[ProviderKey] = provider.ToString();
            if (keyword != null)
            {
                builder[KeywordKey] = keyword;
            }

            if (value != null)
            {
                builder[ValueKey] = value;
            }

            return builder.ToImmutable();
        }
    }
}
