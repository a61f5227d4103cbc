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
    /// DLA1003 fix. Low level: <c>var r = await client.QueryAsync(request);</c> whose only use is <c>r.Items</c> becomes an
    /// <c>await foreach</c> over <c>client.Paginators.Query(request).Responses</c> that gathers every page's items into
    /// <c>r</c>, so the rest of the method is unchanged. Document and object persistence models: <c>GetNextSetAsync</c>
    /// becomes <c>GetRemainingAsync</c>. Not offered when other response members are used (their meaning per page differs),
    /// when the SDK has no paginators, or for the tableName Scan overloads.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class ReadAllResultPagesFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA1003.ReadAllPages";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ReadAllResultPages);

        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(Rewrite);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            if (!(await DynamoDBFixSupport.TryRewriteInvocationAsync(context, Rewrite).ConfigureAwait(false) is var (invocation, changed)))
            {
                return;
            }

            var title = invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetNextSetAsync" }
                ? "Read every page with GetRemainingAsync"
                : "Read every page with the paginator";
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(changed), EquivalenceKey), context.Diagnostics);
        }

        private static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocationSyntax, CancellationToken cancellationToken)
        {
            if (model.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation || invocationSyntax.Expression is not MemberAccessExpressionSyntax member)
            {
                return null;
            }

            var symbols = DynamoDBSymbols.Create(model.Compilation);
            if (symbols is null)
            {
                return null;
            }

            switch (PagingAnalysis.Analyze(invocation, symbols, out var usage, cancellationToken))
            {
                case PagingShape.SingleNextSet when member.Name.Identifier.ValueText == "GetNextSetAsync":
                    return root.ReplaceNode(invocationSyntax, DynamoDBFixSupport.Rename(invocationSyntax, "GetRemainingAsync")!);
                case PagingShape.FirstResponseOnly when usage is { Kind: ResponseUsageKind.Local } && usage.MembersRead.Count == 1 && usage.MembersRead.Contains("Items"):
                    return RewriteToPaginator(root, model, invocation, invocationSyntax, member, symbols, cancellationToken);
                default:
                    return null;
            }
        }

        private static SyntaxNode? RewriteToPaginator(SyntaxNode root, SemanticModel model, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax,
            MemberAccessExpressionSyntax member, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var name = member.Name.Identifier.ValueText;
            if ((name != "QueryAsync" && name != "ScanAsync") || symbols.PaginatorFactory is null || !DynamoDBFixSupport.IsSimpleReceiver(member.Expression)
                || invocation.Arguments.Length == 0 || !(invocation.Arguments[0].Parameter?.Type.Is(symbols.QueryRequest) == true || invocation.Arguments[0].Parameter?.Type.Is(symbols.ScanRequest) == true)
                || invocationSyntax.Parent is not AwaitExpressionSyntax await
                || await.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } || declarator.Parent.Parent is not LocalDeclarationStatementSyntax statement
                || statement.Parent is not BlockSyntax || !statement.UsingKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }

            var isQuery = name == "QueryAsync";
            var memberNode = invocationSyntax.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AccessorDeclarationSyntax || n is AnonymousFunctionExpressionSyntax);
            if (memberNode is null)
            {
                return null;
            }

            var requestArgument = invocationSyntax.ArgumentList.Arguments[0].Expression.WithoutTrivia().ToString();
            var cancellation = invocationSyntax.ArgumentList.Arguments.Count > 1 ? invocationSyntax.ArgumentList.Arguments[1].Expression.WithoutTrivia().ToString() : null;
            var response = declarator.Identifier.ValueText;
            var page = DynamoDBFixSupport.UniqueName(model, memberNode, invocationSyntax.SpanStart, "page", new List<string>());
            var responseType = isQuery ? "Amazon.DynamoDBv2.Model.QueryResponse" : "Amazon.DynamoDBv2.Model.ScanResponse";
            var text = new System.Text.StringBuilder();
            text.Append(declarator.Parent is VariableDeclarationSyntax { Type.IsVar: true } ? "var " : ((VariableDeclarationSyntax)declarator.Parent).Type.ToString() + " ")
                .Append(response).Append(" = new ").Append(responseType)
                .Append(" { Items = new System.Collections.Generic.List<System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>() };");
            var declaration = SyntaxFactory.ParseStatement(text.ToString()).WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation);

            var loop = new System.Text.StringBuilder();
            loop.Append("await foreach (var ").Append(page).Append(" in ").Append(member.Expression.WithoutTrivia().ToString())
                .Append(".Paginators.").Append(isQuery ? "Query" : "Scan").Append('(').Append(requestArgument).Append(").Responses");
            if (cancellation != null)
            {
                loop.Append(".WithCancellation(").Append(cancellation).Append(')');
            }

            loop.Append(")\n{\nif (").Append(page).Append(".Items != null)\n{\n").Append(response).Append(".Items.AddRange(").Append(page).Append(".Items);\n}\n}\n");
            var loopStatement = SyntaxFactory.ParseStatement(loop.ToString()).WithAdditionalAnnotations(Formatter.Annotation);
            // The document's own line ending, not CRLF on every platform.
            var endOfLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                loopStatement = loopStatement.WithTrailingTrivia(SyntaxFactory.ElasticEndOfLine(endOfLine.ToString()));
            }

            declaration = declaration.ReplaceNodes(declaration.DescendantNodes().OfType<NameSyntax>().Where(n => n is QualifiedNameSyntax), (_, n) => n.WithAdditionalAnnotations(Simplifier.Annotation));
            return root.ReplaceNode(statement, new StatementSyntax[] { declaration, loopStatement });
        }
    }
}
