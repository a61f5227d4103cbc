using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>
    /// Fix-all for fixes that introduce new locals (DLA1003, DLA1004): the batch fixer would compute every fix against the
    /// original document and pick the same fresh name twice, so the fixes are applied one after another, in source order,
    /// each against the document the previous one produced (the same result as fixing one at a time).
    /// </summary>
    internal static class SequentialFixAllProvider
    {
        public delegate SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken);

        public static FixAllProvider Create(Rewrite rewrite)
        {
            return FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (root is null || diagnostics.IsEmpty)
                {
                    return document;
                }

                var annotations = ImmutableArray.CreateBuilder<SyntaxAnnotation>();
                var targets = diagnostics.OrderBy(d => d.Location.SourceSpan.Start)
                    .Select(d => root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>())
                    .OfType<InvocationExpressionSyntax>().Distinct().ToList();
                root = root.ReplaceNodes(targets, (_, node) =>
                {
                    var annotation = new SyntaxAnnotation("DataLayerAnalyzers.FixAll");
                    annotations.Add(annotation);
                    return node.WithAdditionalAnnotations(annotation);
                });

                var current = document.WithSyntaxRoot(root);
                foreach (var annotation in annotations)
                {
                    var currentRoot = await current.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                    var model = await current.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                    var node = currentRoot?.GetAnnotatedNodes(annotation).OfType<InvocationExpressionSyntax>().FirstOrDefault();
                    if (currentRoot is null || model is null || node is null)
                    {
                        continue;
                    }

                    var newRoot = rewrite(currentRoot, model, node, context.CancellationToken);
                    if (newRoot is null)
                    {
                        continue;
                    }

                    var candidate = current.WithSyntaxRoot(newRoot);
                    if (await DynamoDBFixSupport.CompilesAsync(current, candidate, context.CancellationToken).ConfigureAwait(false))
                    {
                        current = candidate;
                    }
                }

                return current;
            });
        }
    }
}
