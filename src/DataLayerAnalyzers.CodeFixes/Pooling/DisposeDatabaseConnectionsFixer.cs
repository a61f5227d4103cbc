using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4004: turns <c>var c = new XConnection(…)</c> into a <c>using</c> declaration (<c>await using</c> in an async
    /// function), so the connection is disposed at the end of its block on every path. Offered only for a single-variable
    /// declaration directly in a block with no <c>goto</c> around it (the analyzer already ensures the method owns the
    /// connection and never reassigns it).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class DisposeDatabaseConnectionsFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA4004.UsingDeclaration";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DisposeDatabaseConnections);

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
                var statement = FindDeclaration(root, diagnostic);
                if (statement is null || ReturnsSomethingThatReadsLater(model, statement, context.CancellationToken))
                {
                    continue;
                }

                var useAwait = UseAwaitUsing(model, statement, context.CancellationToken);
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        useAwait ? "Dispose the connection with 'await using'" : "Dispose the connection with 'using'",
                        ct => ApplyAsync(document, statement, useAwait, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, LocalDeclarationStatementSyntax statement, bool useAwait, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var leading = statement.GetLeadingTrivia();
            var updated = statement.WithoutLeadingTrivia()
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            if (useAwait)
            {
                updated = updated.WithAwaitKeyword(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            }

            updated = updated.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(statement, updated));
        }

        private static LocalDeclarationStatementSyntax? FindDeclaration(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var statement = node.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
            if (statement is null || statement.Declaration.Variables.Count != 1 || statement.IsConst
                || !statement.UsingKeyword.IsKind(SyntaxKind.None) || !(statement.Parent is BlockSyntax block))
            {
                return null;
            }

            var value = statement.Declaration.Variables[0].Initializer?.Value;
            while (value is AwaitExpressionSyntax || value is ParenthesizedExpressionSyntax)
            {
                value = value is AwaitExpressionSyntax awaited ? awaited.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
            }

            if (value is null || value.Span != span)
            {
                return null;
            }

            // A goto may not jump past a using declaration (CS8648).
            var member = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member != null && member.DescendantNodes().Any(n => n is GotoStatementSyntax || n is LabeledStatementSyntax))
            {
                return null;
            }

            return statement;
        }

        /// <summary>
        /// A function that returns a data reader or a lazily evaluated sequence may still need the connection after it
        /// returns: disposing it there would change behaviour, so no fix is offered.
        /// </summary>
        private static bool ReturnsSomethingThatReadsLater(SemanticModel model, LocalDeclarationStatementSyntax statement, CancellationToken cancellationToken)
        {
            var function = statement.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax || n is MemberDeclarationSyntax);
            if (function is null)
            {
                return false;
            }

            var dataReader = model.Compilation.GetTypeByMetadataName("System.Data.IDataReader");
            var enumerable = model.Compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
            var asyncEnumerable = model.Compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            foreach (var node in function.DescendantNodes())
            {
                ExpressionSyntax? returned = node switch
                {
                    ReturnStatementSyntax ret => ret.Expression,
                    ArrowExpressionClauseSyntax arrow when arrow.Parent == function => arrow.Expression,
                    _ => null,
                };
                if (node is YieldStatementSyntax)
                {
                    return true;
                }

                var type = returned is null ? null : model.GetTypeInfo(returned, cancellationToken).Type;
                if (type != null && (type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, dataReader)) || SymbolEqualityComparer.Default.Equals(type, dataReader)
                    || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, enumerable) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, asyncEnumerable)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool UseAwaitUsing(SemanticModel model, LocalDeclarationStatementSyntax statement, CancellationToken cancellationToken)
        {
            var function = model.GetEnclosingSymbol(statement.SpanStart, cancellationToken) as IMethodSymbol;
            var type = model.GetTypeInfo(statement.Declaration.Type, cancellationToken).Type;
            var asyncDisposable = model.Compilation.GetTypeByMetadataName("System.IAsyncDisposable");
            return function is { IsAsync: true } && type != null && asyncDisposable != null
                && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, asyncDisposable));
        }
    }
}
