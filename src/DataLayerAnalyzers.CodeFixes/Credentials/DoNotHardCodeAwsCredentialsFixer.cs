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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>
    /// DLA2001: removes the explicit keys so the SDK resolves credentials through its default chain. A client constructor
    /// loses its key arguments (when the SDK has the matching overload); a <c>BasicAWSCredentials</c> /
    /// <c>SessionAWSCredentials</c> creation becomes the default-chain resolver of the referenced SDK version.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class DoNotHardCodeAwsCredentialsFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA2001.DefaultCredentialChain";

        private static readonly string[] KeyParameters = { "awsAccessKeyId", "awsSecretAccessKey", "awsSessionToken" };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DoNotHardCodeAwsCredentials);

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
                var creation = FindCreation(root, model, diagnostic, context.CancellationToken);
                if (creation is null)
                {
                    continue;
                }

                var replacement = ClientWithoutKeys(creation) ?? DefaultChain(creation, model);
                if (replacement is null)
                {
                    continue;
                }

                var document = context.Document;
                var node = creation.Syntax;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use the default AWS credential chain",
                        ct => ApplyAsync(document, node, replacement, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(node, replacement.WithTriviaFrom(node));
            var changed = editor.GetChangedDocument();
            return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
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
        private static SyntaxNode? ClientWithoutKeys(IObjectCreationOperation creation)
        {
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

            var arguments = syntax.ArgumentList.Arguments.Where(a => !removed.Contains(a)).Select(a => a.WithoutLeadingTrivia());
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
