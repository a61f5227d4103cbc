using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>DLA3003: <c>UseHttp = true</c> → <c>false</c>; an <c>http://</c> ServiceURL literal → <c>https://</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class UseHttpsForAwsEndpointsFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA3003.UseHttps";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UseHttpsForAwsEndpoints);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var span = diagnostic.Location.SourceSpan;
                if (!root.FullSpan.Contains(span)
                    || !(root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n => n is AssignmentExpressionSyntax) is AssignmentExpressionSyntax assignment)
                    || !diagnostic.Properties.TryGetValue(UseHttpsForAwsEndpointsAnalyzer.KindProperty, out var kind))
                {
                    continue;
                }

                SyntaxNode? target = null;
                SyntaxNode? replacement = null;
                string title;
                if (kind == "UseHttp")
                {
                    target = assignment.Right;
                    replacement = SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(assignment.Right);
                    title = "Set UseHttp to false";
                }
                else
                {
                    (target, replacement) = HttpsLiteral(model, assignment.Right, context.CancellationToken);
                    title = "Use https:// for the ServiceURL";
                }

                if (target is null || replacement is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(document, target, replacement, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, SyntaxNode target, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(target, replacement));
        }

        /// <summary>The literal (or interpolated-string text) in this document where the <c>http://</c> is written.</summary>
        private static (SyntaxNode? Target, SyntaxNode? Replacement) HttpsLiteral(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(value, cancellationToken);
            if (!ValueResolver.TryResolveString(operation, out var resolved, cancellationToken)
                || !resolved.TryFindPiece(0, out var piece, out var offset) || offset != 0 || piece.Source is null
                || piece.Source.SyntaxTree != value.SyntaxTree)
            {
                return (null, null);
            }

            switch (piece.Source)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && !literal.Token.Text.StartsWith("@", StringComparison.Ordinal)
                    && literal.Token.ValueText.StartsWith("http://", StringComparison.OrdinalIgnoreCase):
                    {
                        var text = "https://" + literal.Token.ValueText.Substring("http://".Length);
                        return (literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal));
                    }

                case InterpolatedStringTextSyntax part when part.TextToken.Text.StartsWith("http://", StringComparison.OrdinalIgnoreCase):
                    {
                        var text = "https://" + part.TextToken.Text.Substring("http://".Length);
                        var valueText = "https://" + part.TextToken.ValueText.Substring("http://".Length);
                        return (part, part.WithTextToken(SyntaxFactory.Token(part.TextToken.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, text, valueText, part.TextToken.TrailingTrivia)));
                    }

                default:
                    return (null, null);
            }
        }
    }
}
