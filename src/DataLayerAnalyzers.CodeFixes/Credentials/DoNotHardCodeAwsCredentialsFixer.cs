using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>
    /// DLA2001: removes the explicit keys so the SDK resolves credentials through its default chain. A client constructor
    /// loses its key arguments (when the SDK has the matching overload); a <c>BasicAWSCredentials</c> /
    /// <c>SessionAWSCredentials</c> creation becomes the default-chain resolver of the referenced SDK version.
    /// The fields, constants and locals of the document that held the keys go too, when nothing else uses them: a fix for a
    /// leaked secret must not leave the secret in the file. Fix-all decides that over all the document's fixes at once.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class DoNotHardCodeAwsCredentialsFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA2001.DefaultCredentialChain";

        private static readonly string[] KeyParameters = { "awsAccessKeyId", "awsSecretAccessKey", "awsSessionToken" };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DoNotHardCodeAwsCredentials);

        private const int MaxHolderDepth = 3;

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var fixes = new List<KeyFix>();
            var seen = new HashSet<SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                var fix = TryCreateFix(root, model, diagnostic, context.CancellationToken);
                if (fix != null && seen.Add(fix.Node))
                {
                    fixes.Add(fix);
                }
            }

            // A creation nested in another one being replaced is dropped with it.
            fixes.RemoveAll(f => fixes.Any(other => other != f && other.Node.Span.Contains(f.Node.Span)));
            return fixes.Count == 0 ? document : await ApplyAsync(document, fixes, context.CancellationToken).ConfigureAwait(false);
        }

        /// <summary>One creation to rewrite: its replacement, and the parts of the original that disappear with it.</summary>
        private sealed class KeyFix
        {
            public KeyFix(SyntaxNode node, SyntaxNode replacement, ImmutableArray<SyntaxNode> removed)
            {
                Node = node;
                Replacement = replacement;
                Removed = removed;
            }

            public SyntaxNode Node { get; }

            public SyntaxNode Replacement { get; }

            public ImmutableArray<SyntaxNode> Removed { get; }
        }

        private static KeyFix? TryCreateFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var creation = FindCreation(root, model, diagnostic, cancellationToken);
            if (creation is null)
            {
                return null;
            }

            var withoutKeys = ClientWithoutKeys(creation, out var removedArguments);
            if (withoutKeys != null)
            {
                return new KeyFix(creation.Syntax, withoutKeys, removedArguments);
            }

            var defaultChain = DefaultChain(creation, model);
            return defaultChain is null ? null : new KeyFix(creation.Syntax, defaultChain, ImmutableArray.Create(creation.Syntax));
        }

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
                var fix = TryCreateFix(root, model, diagnostic, context.CancellationToken);
                if (fix is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use the default AWS credential chain",
                        ct => ApplyAsync(document, new[] { fix }, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<KeyFix> fixes, CancellationToken cancellationToken)
        {
            var holders = await UnusedKeyHoldersAsync(document, fixes, cancellationToken).ConfigureAwait(false);
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var fix in fixes)
            {
                editor.ReplaceNode(fix.Node, fix.Replacement.WithTriviaFrom(fix.Node));
            }

            foreach (var holder in holders)
            {
                editor.RemoveNode(holder, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            }

            // When the leading members of a type go, the member that now comes first loses the blank line that separated it.
            foreach (var type in holders.OfType<FieldDeclarationSyntax>().Select(f => f.Parent).OfType<TypeDeclarationSyntax>().Distinct())
            {
                var first = type.Members.FirstOrDefault(m => !holders.Contains(m));
                if (first != null && type.Members.TakeWhile(m => m != first).Any())
                {
                    var trivia = first.GetLeadingTrivia();
                    var skip = 0;
                    while (skip < trivia.Count && (trivia[skip].IsKind(SyntaxKind.EndOfLineTrivia) || (trivia[skip].IsKind(SyntaxKind.WhitespaceTrivia) && skip + 1 < trivia.Count && trivia[skip + 1].IsKind(SyntaxKind.EndOfLineTrivia))))
                    {
                        skip++;
                    }

                    if (skip > 0)
                    {
                        editor.ReplaceNode(first, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Skip(skip)));
                    }
                }
            }

            var changed = editor.GetChangedDocument();
            return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The declarations (whole field / local declarations, or single declarators of a multi-variable one) of the string
        /// fields, constants and locals of this document that the removed code read and that nothing else reads or writes;
        /// followed through their own initializers (<c>const string Secret = Prefix + "…"</c>) a few levels deep.
        /// </summary>
        private static async Task<List<SyntaxNode>> UnusedKeyHoldersAsync(Document document, IReadOnlyList<KeyFix> fixes, CancellationToken cancellationToken)
        {
            var result = new List<SyntaxNode>();
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || tree is null)
            {
                return result;
            }

            var removedSpans = new List<TextSpan>();
            var scan = new List<SyntaxNode>();
            foreach (var fix in fixes)
            {
                foreach (var removed in fix.Removed)
                {
                    removedSpans.Add(removed.Span);
                    scan.Add(removed);
                }
            }

            var declarators = new List<VariableDeclaratorSyntax>();
            var considered = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            for (var depth = 0; depth < MaxHolderDepth && scan.Count > 0; depth++)
            {
                var next = new List<SyntaxNode>();
                foreach (var node in scan)
                {
                    foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                    {
                        var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                        var type = symbol is ILocalSymbol local ? local.Type : symbol is IFieldSymbol field ? field.Type : null;
                        if (symbol is null || type?.SpecialType != SpecialType.System_String || !considered.Add(symbol)
                            || symbol.DeclaringSyntaxReferences.Length != 1 || symbol.DeclaringSyntaxReferences[0].SyntaxTree != tree
                            || symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
                        {
                            continue;
                        }

                        if (await IsUsedOnlyWithinAsync(symbol, document, removedSpans, cancellationToken).ConfigureAwait(false))
                        {
                            declarators.Add(declarator);
                            removedSpans.Add(declarator.Span);
                            next.Add(declarator);
                        }
                    }
                }

                scan = next;
            }

            foreach (var group in declarators.GroupBy(d => d.Parent))
            {
                if (group.Key is VariableDeclarationSyntax declaration && declaration.Variables.Count == group.Count()
                    && declaration.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax)
                {
                    result.Add(declaration.Parent);
                }
                else
                {
                    result.AddRange(group);
                }
            }

            return result;
        }

        private static async Task<bool> IsUsedOnlyWithinAsync(ISymbol symbol, Document document, List<TextSpan> spans, CancellationToken cancellationToken)
        {
            var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (var reference in references)
            {
                foreach (var location in reference.Locations)
                {
                    if (location.Document.Id != document.Id || !spans.Any(span => span.Contains(location.Location.SourceSpan)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static IObjectCreationOperation? FindCreation(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.AdditionalLocations.Count == 0)
            {
                return null;
            }

            var location = diagnostic.AdditionalLocations[0];
            if (location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(location.SourceSpan))
            {
                return null; // the key is written in another file than the client: fix by hand
            }

            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)
                .AncestorsAndSelf().FirstOrDefault(n => n is BaseObjectCreationExpressionSyntax && n.Span == location.SourceSpan);
            return node is null ? null : model.GetOperation(node, cancellationToken) as IObjectCreationOperation;
        }

        /// <summary><c>new XClient("AKIA…", "…", region)</c> → <c>new XClient(region)</c>, when that overload exists.</summary>
        private static SyntaxNode? ClientWithoutKeys(IObjectCreationOperation creation, out ImmutableArray<SyntaxNode> removedArguments)
        {
            removedArguments = ImmutableArray<SyntaxNode>.Empty;
            if (!(creation.Type is INamedTypeSymbol type) || creation.Constructor is null
                || !creation.Constructor.Parameters.Any(p => p.Name == "awsAccessKeyId")
                || !(creation.Syntax is BaseObjectCreationExpressionSyntax syntax) || syntax.ArgumentList is null)
            {
                return null;
            }

            var kept = new List<IArgumentOperation>();
            var removed = new HashSet<SyntaxNode>();
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter != null && KeyParameters.Contains(argument.Parameter.Name))
                {
                    if (argument.ArgumentKind != ArgumentKind.Explicit || !(argument.Syntax is ArgumentSyntax))
                    {
                        return null;
                    }

                    removed.Add(argument.Syntax);
                }
                else if (argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    kept.Add(argument);
                }
            }

            var overloadExists = type.InstanceConstructors.Any(c =>
                c.DeclaredAccessibility == Accessibility.Public
                && c.Parameters.Length == kept.Count
                && c.Parameters.Select(p => p.Type).SequenceEqual(kept.Select(k => k.Parameter!.Type), SymbolEqualityComparer.Default));
            if (!overloadExists)
            {
                return null;
            }

            removedArguments = removed.ToImmutableArray();
            // Each kept argument takes the leading trivia of the position it moves to (a line break and indentation stay).
            var original = syntax.ArgumentList.Arguments;
            var arguments = original.Where(a => !removed.Contains(a)).Select((a, i) => a.WithLeadingTrivia(original[i].GetLeadingTrivia()));
            return syntax.WithArgumentList(syntax.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments)));
        }

        /// <summary>A BasicAWSCredentials/SessionAWSCredentials creation used only as AWSCredentials → the default chain.</summary>
        private static SyntaxNode? DefaultChain(IObjectCreationOperation creation, SemanticModel model)
        {
            var compilation = model.Compilation;
            var credentials = compilation.GetTypeByMetadataName("Amazon.Runtime.AWSCredentials");
            var type = creation.Type;
            if (credentials is null
                || !(type.Is(compilation.GetTypeByMetadataName("Amazon.Runtime.BasicAWSCredentials")) || type.Is(compilation.GetTypeByMetadataName("Amazon.Runtime.SessionAWSCredentials")))
                || !UsedOnlyAsAwsCredentials(creation, credentials))
            {
                return null;
            }

            // SDK v4 replaced (and obsoleted) FallbackCredentialsFactory with DefaultAWSCredentialsIdentityResolver.
            var resolver = compilation.GetTypeByMetadataName("Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver")
                ?? compilation.GetTypeByMetadataName("Amazon.Runtime.FallbackCredentialsFactory");
            if (resolver is null || !resolver.GetMembers("GetCredentials").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.All(p => p.IsOptional)))
            {
                return null;
            }

            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.ParseTypeName(resolver.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
                        SyntaxFactory.IdentifierName("GetCredentials")))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
        }

        private static bool UsedOnlyAsAwsCredentials(IObjectCreationOperation creation, INamedTypeSymbol credentials)
        {
            IOperation value = creation;
            while (value.Parent is IParenthesizedOperation)
            {
                value = value.Parent;
            }

            switch (value.Parent)
            {
                case IConversionOperation conversion:
                    return conversion.Type.Is(credentials);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    {
                        if (declarator.Symbol.Type.Is(credentials))
                        {
                            return true;
                        }

                        var root = (IOperation)declarator;
                        while (root.Parent != null)
                        {
                            root = root.Parent;
                        }

                        foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
                        {
                            if (SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol)
                                && !(reference.Parent is IConversionOperation conversion && conversion.Type.Is(credentials)))
                            {
                                return false;
                            }
                        }

                        return true;
                    }

                default:
                    return false;
            }
        }
    }
}
