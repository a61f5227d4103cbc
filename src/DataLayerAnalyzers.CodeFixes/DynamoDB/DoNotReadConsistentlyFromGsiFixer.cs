using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1005: removes <c>ConsistentRead = true</c> (an initializer member or an assignment statement) so the index read is eventually consistent.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DoNotReadConsistentlyFromGsiFixer)), Shared]
    public sealed class DoNotReadConsistentlyFromGsiFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA.DoNotReadConsistentlyFromGsi";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DoNotReadConsistentlyFromGsi);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var removable = Removable(node);
                if (removable is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Remove ConsistentRead = true", ct => RemoveAsync(context.Document, removable, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The initializer member or the expression statement that sets ConsistentRead, or null for any other shape.</summary>
        private static SyntaxNode? Removable(SyntaxNode node)
        {
            var assignment = node as AssignmentExpressionSyntax ?? node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            if (assignment is null)
            {
                return null;
            }

            return assignment.Parent switch
            {
                InitializerExpressionSyntax => assignment,
                ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement => statement,
                _ => null,
            };
        }

        private static async Task<Document> RemoveAsync(Document document, SyntaxNode removable, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var options = SyntaxRemoveOptions.KeepUnbalancedDirectives;
            if (removable.Parent is InitializerExpressionSyntax initializer && initializer.Expressions.Count > 1
                && initializer.Expressions.IndexOf((ExpressionSyntax)removable) == initializer.Expressions.Count - 1
                && initializer.Expressions.SeparatorCount < initializer.Expressions.Count)
            {
                // The last member without a trailing comma: the comma before it goes, its trailing space or line break stays.
                options |= SyntaxRemoveOptions.KeepTrailingTrivia;
            }

            editor.RemoveNode(removable, options);
            return editor.GetChangedDocument();
        }
    }
}
