using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4002, actions in order: use a client the class already has (constructor parameter, injected or static readonly
    /// field of the same service); inject the client through the constructor (for a class the DI container builds, when
    /// the compilation registers the client interface); else move the client creation into a static readonly field of the
    /// enclosing type, or, when the creation reads a setting of the call (a region from configuration), keep one client per
    /// distinct setting in a static cache. Reuse creates no field; the registered client comes before a second one.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class ReuseAwsServiceClientsFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA4002.StaticReadonlyField";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ReuseAwsServiceClients);

        /// <summary>Fields (and injected parameters) are shared between creations in one type, so fix-all works per document.</summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
            context.CodeActionEquivalenceKey == ConstructorInjection.EquivalenceKey
                ? await ConstructorInjection.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                : context.CodeActionEquivalenceKey == ExistingInstanceReuse.EquivalenceKey
                    ? await ExistingInstanceReuse.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                    : context.CodeActionEquivalenceKey == ConnectionStringCache.ClientEquivalenceKey
                        ? await ConnectionStringCache.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                        : await StaticFieldHoisting.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var reuse = await ExistingInstanceReuse.TryPlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (reuse != null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use the existing client '{reuse.Name}'",
                            ct => ExistingInstanceReuse.FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                            ExistingInstanceReuse.EquivalenceKey),
                        diagnostic);
                }

                await LifetimeFixActions.OfferAsync(context, diagnostic, ConstructorInjection.CanFixAsync, ConstructorInjection.FixAsync, "Inject the registered client through the constructor", ConstructorInjection.EquivalenceKey).ConfigureAwait(false);

                await LifetimeFixActions.OfferAsync(context, diagnostic, StaticFieldHoisting.CanFixAsync, StaticFieldHoisting.FixAsync, "Create the client once in a static readonly field", EquivalenceKey).ConfigureAwait(false);

                await LifetimeFixActions.OfferAsync(context, diagnostic, ConnectionStringCache.CanFixAsync, ConnectionStringCache.FixAsync, "Keep one client per distinct setting in a static cache", ConnectionStringCache.ClientEquivalenceKey).ConfigureAwait(false);
            }
        }
    }
}
