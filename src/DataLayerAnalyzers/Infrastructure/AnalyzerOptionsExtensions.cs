using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Typed reads of rule options from .editorconfig / .globalconfig. A rule's own key
    /// (<c>dotnet_code_quality.DLA1001.key</c>) wins over the key shared by all rules
    /// (<c>dotnet_code_quality.datalayer.key</c>).
    /// </summary>
    internal static class AnalyzerOptionsExtensions
    {
        public const string SharedPrefix = "dotnet_code_quality.datalayer.";

        public static string? GetRuleOption(this AnalyzerOptions options, SyntaxTree? tree, string ruleId, string key)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var config = tree != null ? provider.GetOptions(tree) : provider.GlobalOptions;
            return Read(config, provider.GlobalOptions, ruleId, key);
        }

        public static string? GetRuleOption(this AnalyzerOptions options, AdditionalText file, string ruleId, string key)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            return Read(provider.GetOptions(file), provider.GlobalOptions, ruleId, key);
        }

        public static bool GetRuleBool(this AnalyzerOptions options, SyntaxTree? tree, string ruleId, string key, bool defaultValue)
        {
            return ParseBool(options.GetRuleOption(tree, ruleId, key), defaultValue);
        }

        public static bool GetRuleBool(this AnalyzerOptions options, AdditionalText file, string ruleId, string key, bool defaultValue)
        {
            return ParseBool(options.GetRuleOption(file, ruleId, key), defaultValue);
        }

        public static int GetRuleInt(this AnalyzerOptions options, SyntaxTree? tree, string ruleId, string key, int defaultValue)
        {
            var text = options.GetRuleOption(tree, ruleId, key);
            return text != null && int.TryParse(text.Trim(), out var value) ? value : defaultValue;
        }

        private static string? Read(AnalyzerConfigOptions config, AnalyzerConfigOptions global, string ruleId, string key)
        {
            var ruleKey = "dotnet_code_quality." + ruleId + "." + key;
            var sharedKey = SharedPrefix + key;
            if (config.TryGetValue(ruleKey, out var value) || global.TryGetValue(ruleKey, out value)
                || config.TryGetValue(sharedKey, out value) || global.TryGetValue(sharedKey, out value))
            {
                return value;
            }

            return null;
        }

        private static bool ParseBool(string? text, bool defaultValue)
        {
            if (text == null)
            {
                return defaultValue;
            }

            var trimmed = text.Trim();
            if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return defaultValue;
        }
    }
}
