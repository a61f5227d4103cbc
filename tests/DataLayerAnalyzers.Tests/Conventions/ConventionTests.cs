using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.Conventions
{
    /// <summary>
    /// Conventions every rule follows. The registry holds the descriptors of all planned rules while the analyzers arrive
    /// family by family, so the page checks cover the descriptors the existing analyzers report, and the release-notes
    /// and README checks cover every descriptor of the registry. Each test collects all problems before failing.
    /// </summary>
    public class ConventionTests
    {
        private static readonly Assembly AnalyzerAssembly = typeof(DiagnosticDescriptors).Assembly;
        private static readonly Assembly CodeFixAssembly = Assembly.Load("DataLayerAnalyzers.CodeFixes");
        private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

        [Fact]
        public void Analyzers_ArePublicSealedCSharpAnalyzers()
        {
            var problems = new List<string>();
            foreach (var type in AnalyzerTypes())
            {
                if (!type.IsPublic || !type.IsSealed)
                {
                    problems.Add($"{type.FullName} must be public sealed");
                }

                var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
                if (attribute == null || !attribute.Languages.SequenceEqual(new[] { LanguageNames.CSharp }))
                {
                    problems.Add($"{type.FullName} must carry [DiagnosticAnalyzer(LanguageNames.CSharp)]");
                }

                if (type.GetConstructor(Type.EmptyTypes) == null)
                {
                    problems.Add($"{type.FullName} needs a public parameterless constructor");
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void ReportedDescriptors_HaveOneDescriptorPerId()
        {
            var problems = ReportedDescriptors()
                .GroupBy(d => d.Id)
                .Where(g => g.Select(d => (d.Title.ToString(), d.MessageFormat.ToString(), d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.HelpLinkUri)).Distinct().Count() > 1)
                .Select(g => $"{g.Key} is described differently by several analyzers: take the descriptor from DiagnosticDescriptors")
                .ToList();
            AssertNone(problems);
        }

        [Fact]
        public void ReportedDescriptors_ComeFromTheRegistry()
        {
            var registry = RegistryDescriptors().ToDictionary(d => d.Id);
            var problems = ReportedDescriptors()
                .Where(d => !registry.TryGetValue(d.Id, out var known) || !ReferenceEquals(known, d))
                .Select(d => $"{d.Id} is reported with a descriptor that is not the one in DiagnosticDescriptors")
                .Distinct()
                .ToList();
            AssertNone(problems);
        }

        [Fact]
        public void ReportedDescriptors_HaveADocumentationPageWithTheirTitle()
        {
            var problems = new List<string>();
            foreach (var descriptor in ReportedDescriptors().DistinctBy(d => d.Id))
            {
                var expectedLink = DiagnosticDescriptors.HelpLinkBase + descriptor.Id + ".md";
                if (descriptor.HelpLinkUri != expectedLink)
                {
                    problems.Add($"{descriptor.Id}: help link is '{descriptor.HelpLinkUri}', expected '{expectedLink}'");
                }

                var page = Path.Combine(RepoRoot.Value, "docs", "rules", descriptor.Id + ".md");
                if (!File.Exists(page))
                {
                    problems.Add($"{descriptor.Id}: docs/rules/{descriptor.Id}.md does not exist");
                    continue;
                }

                var heading = File.ReadLines(page).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
                var expectedHeading = $"# {descriptor.Id}: {descriptor.Title}";
                if (heading?.TrimEnd() != expectedHeading)
                {
                    problems.Add($"{descriptor.Id}: the page's title is '{heading}', expected '{expectedHeading}'");
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void RegistryDescriptors_HaveUniqueIdsAndTheStandardHelpLink()
        {
            var descriptors = RegistryDescriptors().ToList();
            var problems = descriptors.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key} is declared {g.Count()} times").ToList();
            problems.AddRange(descriptors
                .Where(d => d.HelpLinkUri != DiagnosticDescriptors.HelpLinkBase + d.Id + ".md")
                .Select(d => $"{d.Id}: help link '{d.HelpLinkUri}' is not HelpLinkBase + ID + .md"));
            problems.AddRange(descriptors
                .Where(d => !Regex.IsMatch(d.Id, "^DLA[1-5][0-9]{3}$"))
                .Select(d => $"{d.Id}: IDs are DLA followed by the family digit and three digits"));
            Assert.NotEmpty(descriptors);
            AssertNone(problems);
        }

        [Fact]
        public void RegistryDescriptors_HaveAReleaseTrackingRow()
        {
            var rows = ReleaseRows();
            var problems = new List<string>();
            foreach (var descriptor in RegistryDescriptors())
            {
                if (!rows.TryGetValue(descriptor.Id, out var row))
                {
                    problems.Add($"{descriptor.Id}: no row in AnalyzerReleases.Unshipped.md or AnalyzerReleases.Shipped.md");
                    continue;
                }

                if (row.Category != descriptor.Category || row.Severity != SeverityName(descriptor))
                {
                    problems.Add($"{descriptor.Id}: release row says {row.Category}/{row.Severity}, the descriptor {descriptor.Category}/{SeverityName(descriptor)}");
                }
            }

            AssertNone(problems);
        }

        [Fact]
        public void RegistryDescriptors_HaveAReadmeRow()
        {
            var rows = ReadmeRows();
            var fixable = FixableIds();
            var problems = new List<string>();
            foreach (var descriptor in RegistryDescriptors())
            {
                if (!rows.TryGetValue(descriptor.Id, out var row))
                {
                    problems.Add($"{descriptor.Id}: no row in the README rule table");
                    continue;
                }

                if (row.Link != $"docs/rules/{descriptor.Id}.md")
                {
                    problems.Add($"{descriptor.Id}: the README row links to '{row.Link}'");
                }

                if (row.Title != descriptor.Title.ToString())
                {
                    problems.Add($"{descriptor.Id}: README title '{row.Title}', descriptor title '{descriptor.Title}'");
                }

                if (row.Category != descriptor.Category || row.Severity != SeverityName(descriptor))
                {
                    problems.Add($"{descriptor.Id}: README says {row.Category}/{row.Severity}, the descriptor {descriptor.Category}/{SeverityName(descriptor)}");
                }

                if (fixable.Contains(descriptor.Id) && row.CodeFix != "Yes")
                {
                    problems.Add($"{descriptor.Id}: a code fix exists but the README's Code fix column says '{row.CodeFix}'");
                }
            }

            var known = RegistryDescriptors().Select(d => d.Id).ToHashSet();
            problems.AddRange(rows.Keys.Where(id => !known.Contains(id)).Select(id => $"{id}: README row for a rule that is not in DiagnosticDescriptors"));
            AssertNone(problems);
        }

        [Fact]
        public void CodeFixes_AreExportedSharedAndFixReportedIds()
        {
            var reported = ReportedDescriptors().Select(d => d.Id).ToHashSet();
            var problems = new List<string>();
            foreach (var type in FixerTypes())
            {
                if (!type.IsPublic || !type.IsSealed)
                {
                    problems.Add($"{type.FullName} must be public sealed");
                }

                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                if (export == null || !export.Languages.Contains(LanguageNames.CSharp))
                {
                    problems.Add($"{type.FullName} must carry [ExportCodeFixProvider(LanguageNames.CSharp)]");
                }

                if (type.GetCustomAttribute<SharedAttribute>() == null)
                {
                    problems.Add($"{type.FullName} must carry [Shared] (System.Composition)");
                }

                var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
                if (fixer.FixableDiagnosticIds.IsDefaultOrEmpty)
                {
                    problems.Add($"{type.FullName} fixes no diagnostic ID");
                    continue;
                }

                problems.AddRange(fixer.FixableDiagnosticIds
                    .Where(id => !reported.Contains(id))
                    .Select(id => $"{type.FullName} fixes {id}, which no analyzer of the package reports"));
            }

            AssertNone(problems);
        }

        private static IEnumerable<Type> AnalyzerTypes() => LoadableTypes(AnalyzerAssembly)
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t));

        private static IEnumerable<Type> FixerTypes() => LoadableTypes(CodeFixAssembly)
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t));

        private static IEnumerable<DiagnosticDescriptor> ReportedDescriptors() => AnalyzerTypes()
            .Where(t => t.GetConstructor(Type.EmptyTypes) != null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

        private static HashSet<string> FixableIds() => FixerTypes()
            .Where(t => t.GetConstructor(Type.EmptyTypes) != null)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();

        private static IEnumerable<DiagnosticDescriptor> RegistryDescriptors() => typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

        private static IEnumerable<Type> LoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                return ex.Types.Where(t => t != null)!;
            }
        }

        /// <summary>The name release tracking and the README use: "Disabled" for rules that are off by default.</summary>
        private static string SeverityName(DiagnosticDescriptor descriptor) =>
            descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

        private static Dictionary<string, (string Category, string Severity)> ReleaseRows()
        {
            var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (var line in File.ReadLines(Path.Combine(RepoRoot.Value, "src", "DataLayerAnalyzers", file)))
                {
                    var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length >= 3 && Regex.IsMatch(cells[0], "^DLA[0-9]{4}$"))
                    {
                        rows[cells[0]] = (cells[1], cells[2]);
                    }
                }
            }

            return rows;
        }

        private static Dictionary<string, (string Link, string Title, string Category, string Severity, string CodeFix)> ReadmeRows()
        {
            var rows = new Dictionary<string, (string, string, string, string, string)>(StringComparer.Ordinal);
            var pattern = new Regex(@"^\|\s*\[(?<id>DLA[0-9]{4})\]\((?<link>[^)]*)\)\s*\|(?<title>[^|]*)\|(?<category>[^|]*)\|(?<severity>[^|]*)\|(?<fix>[^|]*)\|\s*$");
            foreach (var line in File.ReadLines(Path.Combine(RepoRoot.Value, "README.md")))
            {
                var match = pattern.Match(line);
                if (match.Success)
                {
                    rows[match.Groups["id"].Value] = (
                        match.Groups["link"].Value.Trim(),
                        match.Groups["title"].Value.Trim(),
                        match.Groups["category"].Value.Trim(),
                        match.Groups["severity"].Value.Trim(),
                        match.Groups["fix"].Value.Trim());
                }
            }

            return rows;
        }

        private static string FindRepoRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "DataLayerAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("DataLayerAnalyzers.sln was not found above " + AppContext.BaseDirectory);
        }

        private static void AssertNone(List<string> problems)
        {
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
    }
}
