using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4003: injects the data source / multiplexer the compilation registers (in a class the DI container builds), else
    /// moves the creation into a static readonly field of the enclosing type, or, when the creation needs the call's
    /// connection string, keeps one pool per connection string in a static cache.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class ReuseDataSourcesAndMultiplexersFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA4003.StaticReadonlyField";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ReuseDataSourcesAndMultiplexers);

        /// <summary>Fields are shared between identical creations of one type, so fix-all works per document.</summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
            context.CodeActionEquivalenceKey == ConstructorInjection.DataSourceEquivalenceKey
                ? await ConstructorInjection.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                : context.CodeActionEquivalenceKey == ConnectionStringCache.EquivalenceKey
                    ? await ConnectionStringCache.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                    : await StaticFieldHoisting.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                await LifetimeFixActions.OfferAsync(context, diagnostic, ConstructorInjection.CanFixAsync, ConstructorInjection.FixAsync, "Inject the registered connection pool through the constructor", ConstructorInjection.DataSourceEquivalenceKey).ConfigureAwait(false);

                await LifetimeFixActions.OfferAsync(context, diagnostic, StaticFieldHoisting.CanFixAsync, StaticFieldHoisting.FixAsync, "Create the connection pool once in a static readonly field", EquivalenceKey).ConfigureAwait(false);

                await LifetimeFixActions.OfferAsync(context, diagnostic, ConnectionStringCache.CanFixAsync, ConnectionStringCache.FixAsync, "Keep one connection pool per connection string in a static cache", ConnectionStringCache.EquivalenceKey).ConfigureAwait(false);
            }
        }
    }
}
