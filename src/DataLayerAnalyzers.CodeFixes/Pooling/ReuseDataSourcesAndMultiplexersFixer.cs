using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>DLA4003: moves the data source / multiplexer creation into a static readonly field of the enclosing type.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class ReuseDataSourcesAndMultiplexersFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA4003.StaticReadonlyField";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ReuseDataSourcesAndMultiplexers);

        /// <summary>Fields are shared between identical creations of one type, so fix-all works per document.</summary>
        public override FixAllProvider GetFixAllProvider() => StaticFieldHoisting.CreateFixAllProvider();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await StaticFieldHoisting.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Create the connection pool once in a static readonly field",
                            ct => StaticFieldHoisting.FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                            EquivalenceKey),
                        diagnostic);
                }
            }
        }
    }
}
