using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// Shared by the DLA4002 and DLA4003 fixes: moves a creation expression into a <c>private static readonly</c> field
    /// of the enclosing type and uses the field instead. Offered only when the expression needs nothing of the call
    /// (no locals, parameters, <c>this</c>, <c>await</c>) and the object is not disposed in a way the fix cannot undo.
    /// A <c>using</c> declaration or statement that disposed the per-call object becomes a plain declaration, and
    /// <c>x.Dispose()</c> statements on it are removed, so the shared instance is never disposed.
    /// </summary>
    internal static class StaticFieldHoisting
    {
        internal sealed class Plan
        {
            public Plan(ExpressionSyntax expression, TypeDeclarationSyntax type, ITypeSymbol fieldType)
            {
                Expression = expression;
                Type = type;
                FieldType = fieldType;
            }

            public ExpressionSyntax Expression { get; }

            public TypeDeclarationSyntax Type { get; }

            public ITypeSymbol FieldType { get; }

            public LocalDeclarationStatementSyntax? UsingDeclaration { get; set; }

            public UsingStatementSyntax? UsingStatement { get; set; }

            public List<StatementSyntax> DisposeStatements { get; } = new List<StatementSyntax>();
        }

        public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return root != null && model != null && TryPlan(root, model, diagnostic, cancellationToken) != null;
        }

        public static FixAllProvider CreateFixAllProvider()
        {
            return FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));
        }

        public static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var plans = new List<Plan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenByDescending(d => d.Location.SourceSpan.Length))
            {
                var plan = TryPlan(root, model, diagnostic, cancellationToken);
                if (plan != null && !plans.Any(p => p.Expression.Span.Contains(plan.Expression.Span)))
                {
                    plans.Add(plan);
                }
            }

            if (plans.Count == 0)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var generator = editor.Generator;
            var fieldsByType = new Dictionary<TypeDeclarationSyntax, List<(string Name, string Key, SyntaxNode Field)>>();
            var usedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                if (!fieldsByType.TryGetValue(plan.Type, out var fields))
                {
                    fields = new List<(string, string, SyntaxNode)>();
                    fieldsByType[plan.Type] = fields;
                }

                var key = plan.FieldType.ToDisplayString() + "|" + plan.Expression.WithoutTrivia().ToString();
                var name = fields.FirstOrDefault(f => f.Key == key).Name ?? ExistingField(model, plan, cancellationToken);
                if (name is null)
                {
                    name = UniqueName(model, plan, usedNames);
                    usedNames.Add(name);
                    var field = generator.FieldDeclaration(
                        name,
                        generator.TypeExpression(plan.FieldType).WithAdditionalAnnotations(Simplifier.Annotation),
                        Accessibility.Private,
                        DeclarationModifiers.Static | DeclarationModifiers.ReadOnly,
                        plan.Expression.WithoutTrivia());
                    fields.Add((name, key, field.WithAdditionalAnnotations(Formatter.Annotation)));
                }
                else if (!fields.Any(f => f.Name == name))
                {
                    fields.Add((name, key, null!));
                }

                ApplyReplacement(editor, plan, SyntaxFactory.IdentifierName(name));
            }

            foreach (var pair in fieldsByType)
            {
                var newFields = pair.Value.Where(f => f.Field != null).Select(f => f.Field).ToList();
                if (newFields.Count == 0)
                {
                    continue;
                }

                // After the type's leading static fields, so fixing one at a time and all at once give the same order.
                var index = pair.Key.Members.TakeWhile(m => m is FieldDeclarationSyntax f && f.Modifiers.Any(SyntaxKind.StaticKeyword)).Count();
                editor.ReplaceNode(pair.Key, (node, g) => g.InsertMembers(node, index, newFields));
            }

            return editor.GetChangedDocument();
        }

        /// <summary>Replaces the creation with <paramref name="replacement"/> and undoes the per-call disposal.</summary>
        internal static void ApplyReplacement(DocumentEditor editor, Plan plan, ExpressionSyntax replacement)
        {
            var reference = replacement.WithTriviaFrom(plan.Expression);
            foreach (var dispose in plan.DisposeStatements)
            {
                editor.RemoveNode(dispose, SyntaxRemoveOptions.KeepNoTrivia);
            }

            if (plan.UsingDeclaration != null)
            {
                var statement = plan.UsingDeclaration;
                var replaced = statement.ReplaceNode(plan.Expression, reference)
                    .WithUsingKeyword(default)
                    .WithAwaitKeyword(default)
                    .WithLeadingTrivia(statement.GetLeadingTrivia());
                editor.ReplaceNode(statement, replaced.WithAdditionalAnnotations(Formatter.Annotation));
            }
            else if (plan.UsingStatement != null)
            {
                var statement = plan.UsingStatement;
                var declaration = statement.Declaration!.ReplaceNode(plan.Expression, reference);
                var statements = new List<SyntaxNode>
                {
                    SyntaxFactory.LocalDeclarationStatement(declaration.WithoutTrivia()).WithLeadingTrivia(statement.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                };
                statements.AddRange(statement.Statement is BlockSyntax block
                    ? block.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation))
                    : new[] { statement.Statement.WithAdditionalAnnotations(Formatter.Annotation) });
                editor.InsertBefore(statement, statements);
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
            else
            {
                editor.ReplaceNode(plan.Expression, reference);
            }
        }

        /// <summary>A static readonly field of the type already holding the same creation (an earlier fix made it).</summary>
        private static string? ExistingField(SemanticModel model, Plan plan, CancellationToken cancellationToken)
        {
            var text = plan.Expression.WithoutTrivia().ToString();
            foreach (var member in plan.Type.Members)
            {
                if (member is FieldDeclarationSyntax field
                    && field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
                    && field.Declaration.Variables.Count == 1
                    && field.Declaration.Variables[0].Initializer?.Value.WithoutTrivia().ToString() == text
                    && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(field.Declaration.Type, cancellationToken).Type, plan.FieldType))
                {
                    return field.Declaration.Variables[0].Identifier.ValueText;
                }
            }

            return null;
        }

        internal static Plan? TryPlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken, bool requireStaticSafe = true)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var expression = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span);
            if (expression is null)
            {
                return null;
            }

            var type = expression.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null || type is InterfaceDeclarationSyntax)
            {
                return null;
            }

            var operation = model.GetOperation(expression, cancellationToken);
            var fieldType = operation?.Type;
            if (operation is null || fieldType is null || fieldType.TypeKind == TypeKind.Error || (requireStaticSafe && !IsStaticSafe(operation))
                || fieldType.Name == "Task" || fieldType.Name == "ValueTask")
            {
                return null;
            }

            var plan = new Plan(expression, type, fieldType);
            return AnalyzeDisposal(plan, model, cancellationToken) ? plan : null;
        }

        /// <summary>Nothing in the expression depends on the call: it can run once in a static initializer.</summary>
        private static bool IsStaticSafe(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case ILocalReferenceOperation _:
                    case IParameterReferenceOperation _:
                    case IInstanceReferenceOperation _:
                    case IAwaitOperation _:
                        return false;
                }

                if (descendant.Type is ITypeParameterSymbol)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A per-call object is often disposed; the shared one must not be. Undo <c>using</c> and drop <c>x.Dispose()</c>
        /// statements; give up on any other disposal.
        /// </summary>
        private static bool AnalyzeDisposal(Plan plan, SemanticModel model, CancellationToken cancellationToken)
        {
            var parent = plan.Expression.Parent;
            if (parent is UsingStatementSyntax usingExpression && usingExpression.Expression == plan.Expression)
            {
                return false;
            }

            if (!(parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } && declarator.Parent is VariableDeclarationSyntax declaration))
            {
                return true;
            }

            if (declaration.Parent is FieldDeclarationSyntax)
            {
                return true;
            }

            if (declaration.Variables.Count != 1)
            {
                return false;
            }

            switch (declaration.Parent)
            {
                case LocalDeclarationStatementSyntax local when local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                    plan.UsingDeclaration = local;
                    break;
                case UsingStatementSyntax usingStatement:
                    if (!(usingStatement.Parent is BlockSyntax outer) || HasNameConflict(usingStatement, outer))
                    {
                        return false;
                    }

                    plan.UsingStatement = usingStatement;
                    break;
            }

            if (!(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local2))
            {
                return false;
            }

            var scope = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax || n is CompilationUnitSyntax);
            if (scope is null)
            {
                return false;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != local2.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local2))
                {
                    continue;
                }

                if (identifier.Parent is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "Dispose" or "DisposeAsync" } } } access && access.Expression == identifier)
                {
                    var invocation = access.Parent as InvocationExpressionSyntax;
                    var statement = (invocation?.Parent is AwaitExpressionSyntax awaited ? awaited.Parent : invocation?.Parent) as ExpressionStatementSyntax;
                    if (statement is null || !(statement.Parent is BlockSyntax))
                    {
                        return false;
                    }

                    plan.DisposeStatements.Add(statement);
                }
                else if (identifier.Parent is UsingStatementSyntax || identifier.Parent is ConditionalAccessExpressionSyntax)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasNameConflict(UsingStatementSyntax usingStatement, BlockSyntax outer)
        {
            var inner = new HashSet<string>(DeclaredNames(usingStatement.Statement is BlockSyntax b ? (IEnumerable<SyntaxNode>)b.Statements : new[] { usingStatement.Statement }, deep: false));
            if (inner.Count == 0)
            {
                return false;
            }

            var others = DeclaredNames(outer.Statements.Where(s => s != usingStatement), deep: true);
            return others.Any(inner.Contains);
        }

        private static IEnumerable<string> DeclaredNames(IEnumerable<SyntaxNode> statements, bool deep)
        {
            foreach (var statement in statements)
            {
                var nodes = deep ? statement.DescendantNodesAndSelf() : statement.DescendantNodesAndSelf(n => n == statement || !(n is StatementSyntax));
                foreach (var node in nodes)
                {
                    switch (node)
                    {
                        case VariableDeclaratorSyntax v:
                            yield return v.Identifier.ValueText;
                            break;
                        case SingleVariableDesignationSyntax d:
                            yield return d.Identifier.ValueText;
                            break;
                        case ForEachStatementSyntax f:
                            yield return f.Identifier.ValueText;
                            break;
                    }
                }
            }
        }

        private static string UniqueName(SemanticModel model, Plan plan, HashSet<string> used)
        {
            var typeName = plan.FieldType.Name;
            if (typeName.StartsWith("Amazon", StringComparison.Ordinal) && typeName.Length > "Amazon".Length)
            {
                typeName = typeName.Substring("Amazon".Length);
            }

            var baseName = "Shared" + typeName;
            var position = plan.Expression.SpanStart;
            for (var i = 1; ; i++)
            {
                var candidate = i == 1 ? baseName : baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!used.Contains(candidate) && model.LookupSymbols(position, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }
        }
    }
}
