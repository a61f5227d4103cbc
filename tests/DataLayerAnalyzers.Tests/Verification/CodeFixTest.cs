using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Sdk;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>
    /// Checks an analyzer and its code fix: the diagnostics of the original markup, then the fix applied one diagnostic at
    /// a time, then fix-all in document and solution scope. The fixed code must match, compile, and leave no diagnostic
    /// other than those marked in the fixed markup. When the fixed code equals the original, no fix may be offered.
    /// </summary>
    public sealed class CodeFixTest<TAnalyzer, TFixer> : AnalyzerTest<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        public List<string> FixedSources { get; } = new();

        /// <summary>Expected result of fix-all, when it differs from one-at-a-time fixing.</summary>
        public List<string> BatchFixedSources { get; } = new();

        public string FixedCode
        {
            set
            {
                FixedSources.Clear();
                FixedSources.Add(value);
            }
        }

        public string BatchFixedCode
        {
            set
            {
                BatchFixedSources.Clear();
                BatchFixedSources.Add(value);
            }
        }

        /// <summary>Which code action to apply, by equivalence key; the first offered when null.</summary>
        public string? CodeActionEquivalenceKey { get; set; }

        public bool CheckFixAll { get; set; } = true;

        private static TFixer Fixer { get; } = new();

        public override async Task RunAsync(CancellationToken cancellationToken = default)
        {
            await base.RunAsync(cancellationToken).ConfigureAwait(false);
            if (FixedSources.Count == 0)
            {
                throw new InvalidOperationException("A code fix test needs FixedCode.");
            }

            var original = TestState.Create(Sources, AdditionalFiles);
            var expectedFixed = TestState.Create(FixedSources, AdditionalFiles);
            var project = CreateProject(original.Sources, original.AdditionalFiles);

            if (original.Sources.Select(s => s.Text).SequenceEqual(expectedFixed.Sources.Select(s => s.Text)))
            {
                await VerifyNoFixOfferedAsync(project, cancellationToken).ConfigureAwait(false);
                return;
            }

            var fixedOneByOne = await FixOneAtATimeAsync(project, cancellationToken).ConfigureAwait(false);
            await VerifyFixedProjectAsync(fixedOneByOne, expectedFixed, "one at a time", cancellationToken).ConfigureAwait(false);

            if (CheckFixAll)
            {
                var expectedBatch = BatchFixedSources.Count > 0 ? TestState.Create(BatchFixedSources, AdditionalFiles) : expectedFixed;
                foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Solution })
                {
                    var fixedAll = await FixAllAsync(project, scope, cancellationToken).ConfigureAwait(false);
                    await VerifyFixedProjectAsync(fixedAll, expectedBatch, "fix-all " + scope, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task VerifyNoFixOfferedAsync(Project project, CancellationToken cancellationToken)
        {
            foreach (var diagnostic in await GetFixableDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false))
            {
                var actions = await GetActionsAsync(project, diagnostic, cancellationToken).ConfigureAwait(false);
                if (actions.Count > 0)
                {
                    throw new XunitException($"No fix was expected for {diagnostic}, but '{actions[0].Title}' was offered.");
                }
            }
        }

        private async Task VerifyFixedProjectAsync(Project project, TestState expected, string how, CancellationToken cancellationToken)
        {
            var documents = project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).ToList();
            for (var i = 0; i < expected.SourcesWithSpans.Count; i++)
            {
                var document = documents.First(d => d.FilePath == expected.SourcesWithSpans[i].Path);
                var actual = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                if (Normalize(actual) != Normalize(expected.SourcesWithSpans[i].Text))
                {
                    throw new XunitException($"Fixed code ({how}) differs for {document.FilePath}.\n--- expected ---\n{expected.SourcesWithSpans[i].Text}\n--- actual ---\n{actual}");
                }
            }

            try
            {
                await VerifyDiagnosticsAsync(project, expected, cancellationToken).ConfigureAwait(false);
            }
            catch (XunitException ex)
            {
                throw new XunitException($"After the fix ({how}): {ex.Message}");
            }
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n");

        private async Task<Project> FixOneAtATimeAsync(Project project, CancellationToken cancellationToken)
        {
            var skipped = new HashSet<string>();
            for (var iteration = 0; iteration < 50; iteration++)
            {
                var diagnostics = await GetFixableDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
                var applied = false;
                foreach (var diagnostic in diagnostics)
                {
                    var key = diagnostic.Id + diagnostic.Location.GetLineSpan();
                    if (skipped.Contains(key))
                    {
                        continue;
                    }

                    var actions = await GetActionsAsync(project, diagnostic, cancellationToken).ConfigureAwait(false);
                    var action = CodeActionEquivalenceKey is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
                    if (action is null)
                    {
                        skipped.Add(key);
                        continue;
                    }

                    var changed = await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false);
                    await EnsureChangedAsync(project, changed, action, cancellationToken).ConfigureAwait(false);
                    project = changed;
                    applied = true;
                    break;
                }

                if (!applied)
                {
                    return project;
                }
            }

            throw new XunitException("The code fix did not converge after 50 applications.");
        }

        private async Task<Project> FixAllAsync(Project project, FixAllScope scope, CancellationToken cancellationToken)
        {
            var provider = Fixer.GetFixAllProvider() ?? throw new XunitException("The fixer offers no fix-all provider.");
            for (var iteration = 0; iteration < 10; iteration++)
            {
                var diagnostics = await GetFixableDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
                string? equivalenceKey = null;
                Document? document = null;
                foreach (var diagnostic in diagnostics)
                {
                    var actions = await GetActionsAsync(project, diagnostic, cancellationToken).ConfigureAwait(false);
                    var action = CodeActionEquivalenceKey is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
                    if (action != null)
                    {
                        equivalenceKey = action.EquivalenceKey;
                        document = project.GetDocument(diagnostic.Location.SourceTree);
                        break;
                    }
                }

                if (document is null)
                {
                    return project;
                }

                var context = new FixAllContext(
                    document, Fixer, scope, equivalenceKey, Fixer.FixableDiagnosticIds,
                    new TestDiagnosticProvider(this), cancellationToken);
                var fixAllAction = await provider.GetFixAsync(context).ConfigureAwait(false)
                    ?? throw new XunitException("Fix-all produced no action.");
                var changed = await ApplyAsync(project, fixAllAction, cancellationToken).ConfigureAwait(false);
                await EnsureChangedAsync(project, changed, fixAllAction, cancellationToken).ConfigureAwait(false);
                project = changed;
            }

            throw new XunitException("Fix-all did not converge after 10 passes.");
        }

        private static async Task EnsureChangedAsync(Project before, Project after, CodeAction action, CancellationToken cancellationToken)
        {
            foreach (var document in after.Documents)
            {
                var old = before.GetDocument(document.Id);
                if (old is null)
                {
                    return;
                }

                var oldText = await old.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var newText = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (!oldText.ContentEquals(newText))
                {
                    return;
                }
            }

            throw new XunitException($"The code action '{action.Title}' left every document unchanged.");
        }

        private async Task<List<Diagnostic>> GetFixableDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var diagnostics = await GetAnalyzerDiagnosticsUncheckedAsync(project, cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.IsInSource && Fixer.FixableDiagnosticIds.Contains(d.Id)).ToList();
        }

        internal async Task<ImmutableArray<Diagnostic>> GetAnalyzerDiagnosticsUncheckedAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            return await AnalyzerRunner.RunAsync(compilation, project.AnalyzerOptions, ImmutableArray.Create<DiagnosticAnalyzer>(Analyzer), cancellationToken).ConfigureAwait(false);
        }

        private static async Task<List<CodeAction>> GetActionsAsync(Project project, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree) ?? throw new XunitException("Diagnostic outside the project's documents.");
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await Fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return actions;
        }

        private static async Task<Project> ApplyAsync(Project project, CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new XunitException($"The code action '{action.Title}' has no ApplyChangesOperation.");
            return apply.ChangedSolution.GetProject(project.Id)!;
        }

        private sealed class TestDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly CodeFixTest<TAnalyzer, TFixer> _test;

            public TestDiagnosticProvider(CodeFixTest<TAnalyzer, TFixer> test)
            {
                _test = test;
            }

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var all = await _test.GetAnalyzerDiagnosticsUncheckedAsync(document.Project, cancellationToken).ConfigureAwait(false);
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return all.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                return Task.FromResult(Enumerable.Empty<Diagnostic>());
            }

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                return await _test.GetAnalyzerDiagnosticsUncheckedAsync(project, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
