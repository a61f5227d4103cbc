using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>The DLA4002 and DLA4003 fixers offer the same kinds of action (injection, static field, static cache), each only where it applies.</summary>
    internal static class LifetimeFixActions
    {
        public static async Task OfferAsync(
            CodeFixContext context,
            Diagnostic diagnostic,
            Func<Document, Diagnostic, CancellationToken, Task<bool>> canFix,
            Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document>> fix,
            string title,
            string equivalenceKey)
        {
            if (await canFix(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => fix(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey),
                    diagnostic);
            }
        }
    }
}
