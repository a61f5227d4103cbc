using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// The one "set this request property to that value" fix behind every request rule: the analyzer says which property,
    /// which C# expression and how (<see cref="RequestFix"/>); this engine replaces a value, swaps a setting for another
    /// property, or adds the property to the creation's object initializer. Per-rule fixers only name their rule.
    /// </summary>
    public abstract class RequestPropertyFixer : CodeFixProvider
    {
        private readonly string _equivalenceKey;

        private protected RequestPropertyFixer(string diagnosticId, string equivalenceKey)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            _equivalenceKey = equivalenceKey;
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <summary>The code action's title; by default "Set Property = value".</summary>
        private protected virtual string GetTitle(string property, string value) => "Set " + property + " = " + value;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryRead(diagnostic, out var kind, out var property, out var value) || diagnostic.AdditionalLocations.Count == 0
                    || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
                var model = kind == RequestFix.ReplaceSettingKind
                    ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false)
                    : null;
                if (!TryGetReplacement(node, kind, property, value, model, context.CancellationToken, out _, out _))
                {
                    continue;
                }

                var span = diagnostic.AdditionalLocations[0].SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create(GetTitle(property, value), ct => ApplyAsync(context.Document, span, kind, property, value, ct), _equivalenceKey),
                    diagnostic);
            }
        }

        private static bool TryRead(Diagnostic diagnostic, out string kind, out string property, out string value)
        {
            kind = property = value = string.Empty;
            if (diagnostic.Properties.TryGetValue(RequestFix.KindKey, out var k) && k != null
                && diagnostic.Properties.TryGetValue(RequestFix.PropertyKey, out var p) && p != null
                && diagnostic.Properties.TryGetValue(RequestFix.ValueKey, out var v) && v != null)
            {
                kind = k;
                property = p;
                value = v;
                return true;
            }

            return false;
        }

        private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string kind, string property, string value, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (!TryGetReplacement(node, kind, property, value, model, cancellationToken, out var oldNode, out var newNode))
            {
                return document;
            }

            return document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
        }

        private static bool TryGetReplacement(SyntaxNode node, string kind, string property, string value, SemanticModel? model, CancellationToken cancellationToken,
            out SyntaxNode oldNode, out SyntaxNode newNode)
        {
            oldNode = newNode = node;
            var expression = Annotate(SyntaxFactory.ParseExpression(value));
            switch (kind)
            {
                case RequestFix.ReplaceValueKind:
                    if (node.FirstAncestorOrSelf<ArgumentSyntax>() is { } argument && node is not AssignmentExpressionSyntax)
                    {
                        oldNode = argument.Expression;
                    }
                    else if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment)
                    {
                        oldNode = assignment.Right;
                    }
                    else
                    {
                        return false;
                    }

                    newNode = expression.WithTriviaFrom(oldNode);
                    return !oldNode.IsEquivalentTo(newNode);

                case RequestFix.ReplaceSettingKind:
                    return TryReplaceSetting(node, property, expression, model, cancellationToken, out oldNode, out newNode);

                case RequestFix.AddToCreationKind:
                    if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
                    {
                        return false;
                    }

                    oldNode = creation;
                    newNode = AddMember(creation, Member(property, expression));
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>Old = v</c> in an initializer or <c>x.Old = v</c> as a statement becomes <c>New = value</c>; a constructor argument
        /// becomes an object initializer that sets the other arguments' properties and <c>New = value</c>.
        /// </summary>
        private static bool TryReplaceSetting(SyntaxNode node, string property, ExpressionSyntax value, SemanticModel? model, CancellationToken cancellationToken,
            out SyntaxNode oldNode, out SyntaxNode newNode)
        {
            oldNode = newNode = node;
            if (node.FirstAncestorOrSelf<ArgumentSyntax>() is { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } } argument
                && node is not AssignmentExpressionSyntax)
            {
                if (model is null || model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol type
                    || model.GetOperation(creation, cancellationToken) is not Microsoft.CodeAnalysis.Operations.IObjectCreationOperation operation)
                {
                    return false;
                }

                // The initializer runs after the constructor: a property it sets already wins over the argument.
                var initialized = new HashSet<string>(
                    creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().Select(a => a.Left).OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText)
                    ?? Enumerable.Empty<string>(),
                    StringComparer.Ordinal);
                var members = new List<ExpressionSyntax>();
                foreach (var arg in operation.Arguments)
                {
                    if (arg.Syntax == argument || arg.ArgumentKind == Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue)
                    {
                        continue;
                    }

                    var target = arg.Parameter is null ? null : FindSettableProperty(type, arg.Parameter.Name);
                    if (target is null || arg.Syntax is not ArgumentSyntax argSyntax)
                    {
                        return false; // an argument with no property to carry it: leave the constructor alone
                    }

                    if (!initialized.Contains(target) && target != property)
                    {
                        members.Add(Member(target, argSyntax.Expression.WithoutTrivia()));
                    }
                }

                if (!initialized.Contains(property))
                {
                    members.Add(Member(property, value));
                }

                if (creation.Initializer != null)
                {
                    members.AddRange(creation.Initializer.Expressions.Select(e => e.WithoutTrivia()));
                }

                var initializer = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(members));
                oldNode = creation;
                newNode = creation switch
                {
                    ObjectCreationExpressionSyntax explicitNew => explicitNew.WithType(explicitNew.Type.WithoutTrailingTrivia()).WithArgumentList(null).WithInitializer(initializer),
                    _ => creation.WithArgumentList(SyntaxFactory.ArgumentList()).WithInitializer(initializer),
                };
                newNode = newNode.WithTriviaFrom(creation).WithAdditionalAnnotations(Formatter.Annotation);
                return true;
            }

            if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment)
            {
                return false;
            }

            ExpressionSyntax left = assignment.Left switch
            {
                IdentifierNameSyntax _ => SyntaxFactory.IdentifierName(property),
                MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(property)),
                _ => null!,
            };
            if (left is null)
            {
                return false;
            }

            oldNode = assignment;
            newNode = assignment.WithLeft(left.WithTriviaFrom(assignment.Left)).WithRight(value.WithTriviaFrom(assignment.Right));
            return true;
        }

        private static string? FindSettableProperty(INamedTypeSymbol type, string parameterName)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { SetMethod: { DeclaredAccessibility: Accessibility.Public } } property
                        && string.Equals(property.Name, parameterName, StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Name;
                    }
                }
            }

            return null;
        }

        /// <summary>The value as written by the analyzer (fully qualified), marked so every qualified name is simplified against the file's usings.</summary>
        private static ExpressionSyntax Annotate(ExpressionSyntax value)
        {
            var names = value.DescendantNodesAndSelf().Where(n => n is QualifiedNameSyntax || n is MemberAccessExpressionSyntax);
            return value.ReplaceNodes(names, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation))
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        }

        private static AssignmentExpressionSyntax Member(string property, ExpressionSyntax value)
        {
            var equals = SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            var assigned = value.WithoutTrivia().WithAdditionalAnnotations(Simplifier.Annotation);
            return SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), equals, assigned);
        }

        /// <summary>Adds <paramref name="member"/> to the object initializer, in the layout the initializer already has.</summary>
        private static BaseObjectCreationExpressionSyntax AddMember(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax member)
        {
            var initializer = creation.Initializer;
            if (initializer is null || initializer.Expressions.Count == 0)
            {
                var trailing = creation.GetTrailingTrivia();
                var open = SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));
                var close = SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.CloseBraceToken, trailing);
                var created = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, open, SyntaxFactory.SingletonSeparatedList(member), close);
                var bare = creation.WithInitializer(null);
                var lastToken = bare.GetLastToken();
                return bare.ReplaceToken(lastToken, lastToken.WithTrailingTrivia()).WithInitializer(created);
            }

            var expressions = initializer.Expressions;
            var last = expressions[expressions.Count - 1];
            var items = new List<SyntaxNodeOrToken>();
            var withMember = member.WithLeadingTrivia(last.GetLeadingTrivia());
            if (expressions.SeparatorCount == expressions.Count)
            {
                var lastSeparator = expressions.GetSeparator(expressions.Count - 1);
                items.AddRange(expressions.GetWithSeparators());
                items.Add(withMember);
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastSeparator.TrailingTrivia));
            }
            else
            {
                var trailing = last.GetTrailingTrivia();
                var all = expressions.GetWithSeparators();
                for (var i = 0; i < all.Count - 1; i++)
                {
                    items.Add(all[i]);
                }

                items.Add(last.WithoutTrailingTrivia());
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? trailing : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                items.Add(withMember.WithTrailingTrivia(trailing));
            }

            return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items)));
        }
    }
}
