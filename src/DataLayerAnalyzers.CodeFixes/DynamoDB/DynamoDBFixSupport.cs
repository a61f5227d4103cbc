using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>Shared checks of the DynamoDB fixers.</summary>
    internal static class DynamoDBFixSupport
    {
        /// <summary>
        /// The shared front of the invocation-rewriting fixes: finds the reported invocation, asks
        /// <paramref name="rewrite"/> for the new root, and returns the changed document only when it still compiles.
        /// </summary>
        public static async System.Threading.Tasks.Task<(Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax Invocation, Microsoft.CodeAnalysis.Document Changed)?> TryRewriteInvocationAsync(
            Microsoft.CodeAnalysis.CodeFixes.CodeFixContext context,
            System.Func<Microsoft.CodeAnalysis.SyntaxNode, Microsoft.CodeAnalysis.SemanticModel, Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax, System.Threading.CancellationToken, Microsoft.CodeAnalysis.SyntaxNode?> rewrite)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return null;
            }

            var invocation = root.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>();
            var newRoot = invocation is null ? null : rewrite(root, model, invocation, context.CancellationToken);
            if (invocation is null || newRoot is null)
            {
                return null;
            }

            var changed = document.WithSyntaxRoot(newRoot);
            return await CompilesAsync(document, changed, context.CancellationToken).ConfigureAwait(false) ? (invocation, changed) : null;
        }

        /// <summary>
        /// True when <paramref name="changed"/> has no more compiler errors than <paramref name="original"/>: the last
        /// precondition of every DynamoDB fix (the rewrite must still compile against the referenced SDK).
        /// </summary>
        public static async Task<bool> CompilesAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            var before = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var after = await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (before is null || after is null)
            {
                return false;
            }

            return CountErrors(after, cancellationToken) <= CountErrors(before, cancellationToken);
        }

        private static int CountErrors(SemanticModel model, CancellationToken cancellationToken)
            => model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>True when <paramref name="local"/> is referenced in its method only at <paramref name="allowed"/>.</summary>
        public static bool IsReferencedOnlyAt(ILocalSymbol local, SyntaxNode allowed, SemanticModel model, CancellationToken cancellationToken)
        {
            var scope = allowed.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AccessorDeclarationSyntax || n is CompilationUnitSyntax);
            if (scope is null)
            {
                return false;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == local.Name && identifier != allowed
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    return false;
                }
            }

            return true;
        }

        public static LiteralExpressionSyntax StringLiteral(string text)
            => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

        /// <summary>Renames the method name of <c>x.Name(...)</c> / <c>x.Name&lt;T&gt;(...)</c>.</summary>
        public static InvocationExpressionSyntax? Rename(InvocationExpressionSyntax invocation, string newName)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member)
            {
                return null;
            }

            SimpleNameSyntax name = member.Name switch
            {
                GenericNameSyntax generic => generic.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(generic.Identifier)),
                IdentifierNameSyntax identifier => identifier.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(identifier.Identifier)),
                _ => member.Name,
            };
            return invocation.WithExpression(member.WithName(name));
        }

        /// <summary>Replaces the simple name of a type syntax (<c>ScanRequest</c> or <c>Amazon.DynamoDBv2.Model.ScanRequest</c>).</summary>
        public static TypeSyntax? RenameType(TypeSyntax type, string from, string to)
        {
            switch (type)
            {
                case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == from:
                    return identifier.WithIdentifier(SyntaxFactory.Identifier(to).WithTriviaFrom(identifier.Identifier));
                case QualifiedNameSyntax qualified when qualified.Right.Identifier.ValueText == from:
                    return qualified.WithRight(SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(to).WithTriviaFrom(qualified.Right.Identifier)));
                default:
                    return null;
            }
        }

        /// <summary>A local name free at <paramref name="position"/> and not declared anywhere in the enclosing member.</summary>
        public static string UniqueName(SemanticModel model, SyntaxNode member, int position, string baseName, ICollection<string> taken)
        {
            var declared = new HashSet<string>(taken);
            foreach (var node in member.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax v:
                        declared.Add(v.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax d:
                        declared.Add(d.Identifier.ValueText);
                        break;
                    case ForEachStatementSyntax f:
                        declared.Add(f.Identifier.ValueText);
                        break;
                    case ParameterSyntax p:
                        declared.Add(p.Identifier.ValueText);
                        break;
                }
            }

            for (var i = 1; ; i++)
            {
                var candidate = i == 1 ? baseName : baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!declared.Contains(candidate) && model.LookupSymbols(position, name: candidate).IsEmpty)
                {
                    taken.Add(candidate);
                    return candidate;
                }
            }
        }

        /// <summary>True for a receiver that can be evaluated again without side effects: <c>client</c>, <c>_client</c>, <c>this.client</c>.</summary>
        public static bool IsSimpleReceiver(ExpressionSyntax? expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax, Name: IdentifierNameSyntax } => true,
            _ => false,
        };
    }
}
