using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>
    /// DLA1001 fix: rewrites the Scan as a Query. Low level: <c>ScanRequest</c> with a <c>FilterExpression</c> becomes a
    /// <c>QueryRequest</c> whose <c>KeyConditionExpression</c> holds the key conditions, the rest stays the filter,
    /// names/values are kept, Segment/TotalSegments are dropped; an inline legacy ScanFilter dictionary is split into
    /// KeyConditions and QueryFilter (also for the tableName + scanFilter overloads, which become a QueryRequest). Object persistence: <c>ScanAsync&lt;T&gt;(conditions)</c> becomes
    /// <c>QueryAsync&lt;T&gt;(hashKey[, QueryOperator, sortValues][, QueryConfig { QueryFilter }])</c>; with the full primary
    /// key fixed and the result read with FirstOrDefault, a second action loads the item with <c>LoadAsync&lt;T&gt;</c>.
    /// Document model: a local ScanFilter becomes a QueryFilter and <c>table.Query(new Primitive(hashKey), filter)</c>.
    /// A Scan that fixes a global secondary index's partition key becomes a Query on that index (<c>IndexName</c> in the
    /// QueryRequest, QueryOperationConfig or QueryConfig), offered only when the index's projection serves what the code reads.
    /// Not offered for a filter dictionary held in a variable, document-model Expression/config scans, or when the request is built across statements or
    /// shared; the result is checked to compile before it is offered. This class is the front (diagnostic → analysis → action);
    /// each programming model's rewrite lives in its own file: <see cref="ScanRequestToQuery"/>, <see cref="TableNameScanToQuery"/>,
    /// <see cref="DocumentScanToQuery"/>, <see cref="ContextScanToQuery"/>, over <see cref="ScanToQuerySupport"/>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class UseQueryInsteadOfScanFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA1001.UseQuery";

        /// <summary>The second action: the full primary key is fixed, so one item is loaded by key.</summary>
        public const string LoadItemEquivalenceKey = "DLA1001.LoadItem";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UseQueryInsteadOfScan);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            var invocationSyntax = root.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocationSyntax is null || model.GetOperation(invocationSyntax, context.CancellationToken) is not IInvocationOperation invocation)
            {
                return;
            }

            var symbols = DynamoDBSymbols.Create(model.Compilation);
            if (symbols is null)
            {
                return;
            }

            var scan = ScanAnalysis.Analyze(invocation, symbols, document.Project.AnalyzerOptions, context.CancellationToken);
            if (scan is null || scan.Verdict != ScanFilterVerdict.KeyEquality || scan.Keys is null)
            {
                return;
            }

            // A Query on a global secondary index returns only the projected attributes: rewrite only when that is all the code reads.
            var servesReads = ScanToQuerySupport.IndexServesReads(scan, invocation, context.CancellationToken);
            SyntaxNode? newRoot = !servesReads ? null : scan.Shape switch
            {
                DynamoDBReadShape.ClientScanRequest or DynamoDBReadShape.PaginatorScan => ScanRequestToQuery.Rewrite(root, model, invocationSyntax, scan, context.CancellationToken),
                DynamoDBReadShape.ContextScan => ContextScanToQuery.Rewrite(root, invocation, invocationSyntax, scan, context.CancellationToken),
                DynamoDBReadShape.ClientScanTableName => TableNameScanToQuery.Rewrite(root, invocation, invocationSyntax, scan),
                DynamoDBReadShape.TableScan => DocumentScanToQuery.Rewrite(root, model, invocation, invocationSyntax, scan, symbols, context.CancellationToken),
                _ => null,
            };
            if (newRoot != null)
            {
                var changed = document.WithSyntaxRoot(newRoot);
                if (await DynamoDBFixSupport.CompilesAsync(document, changed, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(scan.Index is { } index ? "Use Query on index '" + index.IndexName + "' with a key condition" : "Use Query with a key condition", _ => Task.FromResult(changed), EquivalenceKey),
                        context.Diagnostics);
                }
            }

            var loadRoot = scan.Shape == DynamoDBReadShape.ContextScan && scan.SortKeyEquality && scan.Index is null ? ContextScanToQuery.RewriteToLoad(root, invocation, invocationSyntax, scan) : null;
            if (loadRoot != null)
            {
                var loaded = document.WithSyntaxRoot(loadRoot);
                if (await DynamoDBFixSupport.CompilesAsync(document, loaded, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Load the item by its primary key", _ => Task.FromResult(loaded), LoadItemEquivalenceKey),
                        context.Diagnostics);
                }
            }
        }
    }
}
