using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>
    /// DLA1004 fix: after an awaited BatchWriteItemAsync/BatchGetItemAsync (a discarded call or a local declaration in a
    /// block), a bounded retry loop with exponential backoff resubmits UnprocessedItems/UnprocessedKeys (merging the
    /// retried reads into the response the method keeps using) and throws if items are still left after the last attempt.
    /// Fix-all applies the fixes one after another (<see cref="SequentialFixAllProvider"/>) so fresh local names stay unique.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class HandleUnprocessedBatchItemsFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA1004.RetryUnprocessed";

        private const int MaxRetries = 5;

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HandleUnprocessedBatchItems);

        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(Rewrite);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            if (!(await DynamoDBFixSupport.TryRewriteInvocationAsync(context, Rewrite).ConfigureAwait(false) is var (invocation, changed)))
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Retry unprocessed items with backoff", _ => Task.FromResult(changed), EquivalenceKey),
                context.Diagnostics);
        }

        private static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member || !DynamoDBFixSupport.IsSimpleReceiver(member.Expression)
                || invocation.Parent is not AwaitExpressionSyntax await)
            {
                return null;
            }

            var isWrite = member.Name.Identifier.ValueText == "BatchWriteItemAsync";
            if (!isWrite && member.Name.Identifier.ValueText != "BatchGetItemAsync")
            {
                return null;
            }

            var method = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
            var cancellation = method is null ? null : invocation.ArgumentList.Arguments.FirstOrDefault(a =>
                a.NameColon?.Name.Identifier.ValueText == "cancellationToken"
                || (a.NameColon is null && invocation.ArgumentList.Arguments.IndexOf(a) is var i && i < method.Parameters.Length && method.Parameters[i].Name == "cancellationToken"));
            var ctSuffix = cancellation is null ? string.Empty : ", " + cancellation.Expression.ToString();

            StatementSyntax statement;
            string response;
            var memberNode = invocation.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AccessorDeclarationSyntax || n is AnonymousFunctionExpressionSyntax);
            if (memberNode is null)
            {
                return null;
            }

            var taken = new List<string>();
            var declarationStatement = (StatementSyntax?)null;
            if (await.Parent is ExpressionStatementSyntax expressionStatement)
            {
                statement = expressionStatement;
                response = DynamoDBFixSupport.UniqueName(model, memberNode, invocation.SpanStart, "response", taken);
                declarationStatement = SyntaxFactory.ParseStatement("var " + response + " = " + await.ToString() + ";").WithTriviaFrom(expressionStatement);
            }
            else if (await.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } && declarator.Parent.Parent is LocalDeclarationStatementSyntax local
                && local.UsingKeyword.IsKind(SyntaxKind.None) && !local.IsConst)
            {
                statement = local;
                response = declarator.Identifier.ValueText;
            }
            else
            {
                return null;
            }

            if (statement.Parent is not BlockSyntax block)
            {
                return null;
            }

            var attempt = DynamoDBFixSupport.UniqueName(model, memberNode, invocation.SpanStart, "attempt", taken);
            var client = member.Expression.ToString();
            var unprocessed = isWrite ? "UnprocessedItems" : "UnprocessedKeys";
            var retries = MaxRetries.ToString(CultureInfo.InvariantCulture);
            var body = new System.Text.StringBuilder();
            body.Append("for (var ").Append(attempt).Append(" = 0; ").Append(response).Append('.').Append(unprocessed).Append(" != null && ")
                .Append(response).Append('.').Append(unprocessed).Append(".Count > 0; ").Append(attempt).Append("++)\n{\n");
            body.Append("if (").Append(attempt).Append(" == ").Append(retries).Append(")\n{\n")
                .Append("throw new System.InvalidOperationException(\"DynamoDB left ").Append(isWrite ? "batch write items" : "batch read keys")
                .Append(" unprocessed after ").Append(retries).Append(" retries.\");\n}\n\n");
            body.Append("await System.Threading.Tasks.Task.Delay(System.TimeSpan.FromMilliseconds(50 * (1 << ").Append(attempt).Append("))").Append(ctSuffix).Append(");\n");
            if (isWrite)
            {
                body.Append(response).Append(" = await ").Append(client).Append(".BatchWriteItemAsync(new Amazon.DynamoDBv2.Model.BatchWriteItemRequest(")
                    .Append(response).Append(".UnprocessedItems)").Append(ctSuffix).Append(");\n");
            }
            else
            {
                var retry = DynamoDBFixSupport.UniqueName(model, memberNode, invocation.SpanStart, "retry", taken);
                var table = DynamoDBFixSupport.UniqueName(model, memberNode, invocation.SpanStart, "table", taken);
                var items = DynamoDBFixSupport.UniqueName(model, memberNode, invocation.SpanStart, "items", taken);
                body.Append("var ").Append(retry).Append(" = await ").Append(client).Append(".BatchGetItemAsync(new Amazon.DynamoDBv2.Model.BatchGetItemRequest(")
                    .Append(response).Append(".UnprocessedKeys)").Append(ctSuffix).Append(");\n");
                body.Append("if (").Append(retry).Append(".Responses != null)\n{\n");
                body.Append("if (").Append(response).Append(".Responses == null)\n{\n").Append(response)
                    .Append(".Responses = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>>();\n}\n\n");
                body.Append("foreach (var ").Append(table).Append(" in ").Append(retry).Append(".Responses)\n{\n");
                body.Append("if (").Append(response).Append(".Responses.TryGetValue(").Append(table).Append(".Key, out var ").Append(items).Append("))\n{\n")
                    .Append(items).Append(".AddRange(").Append(table).Append(".Value);\n}\nelse\n{\n")
                    .Append(response).Append(".Responses[").Append(table).Append(".Key] = ").Append(table).Append(".Value;\n}\n}\n}\n\n");
                body.Append(response).Append(".UnprocessedKeys = ").Append(retry).Append(".UnprocessedKeys;\n");
            }

            body.Append("}\n");
            var loop = SyntaxFactory.ParseStatement(body.ToString())
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
            loop = loop.ReplaceNodes(loop.DescendantNodes().OfType<QualifiedNameSyntax>(), (_, n) => n.WithAdditionalAnnotations(Simplifier.Annotation));
            loop = loop.ReplaceNodes(loop.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(m => m.Expression is MemberAccessExpressionSyntax), (_, n) => n.WithAdditionalAnnotations(Simplifier.Annotation));
            // The document's own line ending, not CRLF on every platform.
            var endOfLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                loop = loop.WithTrailingTrivia(SyntaxFactory.ElasticEndOfLine(endOfLine.ToString()));
            }

            var replacement = new List<StatementSyntax> { declarationStatement ?? statement, loop };
            return root.ReplaceNode(statement, replacement);
        }
    }
}
