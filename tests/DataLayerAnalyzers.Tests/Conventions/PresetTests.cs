using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DataLayerAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataLayerAnalyzers.Tests.Conventions
{
    /// <summary>
    /// The presets of <c>&lt;DataLayerAnalysisMode&gt;</c> are global config files in the package
    /// (src/DataLayerAnalyzers.Package/build/config). They are generated from the rules' descriptors: this test fails when a
    /// file differs from what the descriptors give, and rewrites it when DLA_UPDATE_PRESETS=1 is set.
    /// </summary>
    public class PresetTests
    {
        /// <summary>Below the default level of a user's .globalconfig (100), so a user's global entries win over the preset.</summary>
        private const int GlobalLevel = -100;

        public static IEnumerable<object[]> Modes() => new[] { "Recommended", "All", "None" }.Select(m => new object[] { m });

        [Theory]
        [MemberData(nameof(Modes))]
        public void PresetFile_MatchesTheDescriptors(string mode)
        {
            var path = Path.Combine(AllAnalyzers.RepositoryRoot(), "src", "DataLayerAnalyzers.Package", "build", "config", "DataLayerAnalyzers." + mode.ToLowerInvariant() + ".globalconfig");
            var expected = Generate(mode);
            if (Environment.GetEnvironmentVariable("DLA_UPDATE_PRESETS") == "1")
            {
                File.WriteAllText(path, expected);
            }

            Assert.True(File.Exists(path), path + " is missing; run the tests with DLA_UPDATE_PRESETS=1 to write it");
            Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
        }

        [Fact]
        public void Presets_CoverEveryRuleOnce()
        {
            var rules = Descriptors();
            Assert.Equal(rules.Count, rules.Select(d => d.Id).Distinct().Count());
            Assert.Contains(rules, d => d.DefaultSeverity == DiagnosticSeverity.Info && d.IsEnabledByDefault);
            Assert.Contains(rules, d => !d.IsEnabledByDefault);
            foreach (var mode in new[] { "Recommended", "All", "None" })
            {
                var lines = Generate(mode).Split('\n').Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)).ToList();
                Assert.Equal(rules.Select(d => d.Id), lines.Select(l => l.Split('.')[1]));
            }
        }

        /// <summary>The preset's severity of a rule, or null to leave the rule as its descriptor has it.</summary>
        private static string Severity(DiagnosticDescriptor rule, string mode)
        {
            var atLeastWarning = rule.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning";
            return mode switch
            {
                "None" => "none",
                "All" => atLeastWarning,
                _ => !rule.IsEnabledByDefault ? "none" : atLeastWarning,
            };
        }

        private static string Generate(string mode)
        {
            var what = mode switch
            {
                "Recommended" => "the rules on by default, informational ones raised to warnings; rules off by default stay off",
                "All" => "every rule as a warning, including the rules off by default",
                _ => "every rule off",
            };
            var text = new StringBuilder()
                .Append("# DataLayerAnalysisMode = ").Append(mode).Append(": ").Append(what).Append(".\n")
                .Append("# Generated from the rule descriptors by tests/DataLayerAnalyzers.Tests/Conventions/PresetTests.cs; do not edit.\n")
                .Append("# .editorconfig entries and a project's own .globalconfig (global_level 100 by default) win over these.\n")
                .Append("is_global = true\n")
                .Append("global_level = ").Append(GlobalLevel).Append('\n');
            foreach (var rule in Descriptors())
            {
                text.Append('\n')
                    .Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append(" (default: ")
                    .Append(rule.IsEnabledByDefault ? rule.DefaultSeverity.ToString().ToLowerInvariant() : "disabled").Append(")\n")
                    .Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(Severity(rule, mode)).Append('\n');
            }

            return text.ToString();
        }

        private static List<DiagnosticDescriptor> Descriptors()
            => AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics)
                .GroupBy(d => d.Id).Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
    }
}
