using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4002, first fix: the class already holds a client of the same service — a constructor parameter (when the
    /// creation is in the constructor), an instance readonly field that is assigned (typically injected), or a static
    /// readonly field — so the per-call creation becomes a use of it instead of yet another field. Offered for
    /// argument-less creations (any instance of the service is then equivalent), when the result still compiles.
    /// </summary>
    internal static class ExistingInstanceReuse
    {
        public const string EquivalenceKey = "DLA4002.ReuseExistingInstance";

        internal sealed class ReusePlan
        {
            public ReusePlan(StaticFieldHoisting.Plan hoist, string name)
            {
                Hoist = hoist;
                Name = name;
            }

            public StaticFieldHoisting.Plan Hoist { get; }

            /// <summary>The field or parameter to use instead.</summary>
            public string Name { get; }
        }

        /// <summary>The plan for one diagnostic, checked to compile, or null.</summary>
        public static async Task<ReusePlan?> TryPlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var plan = root is null || model is null ? null : TryPlan(root, model, diagnostic, cancellationToken);
            if (plan is null)
            {
                return null;
            }

            var changed = await ApplyAsync(document, new[] { plan }, cancellationToken).ConfigureAwait(false);
            return await DynamoDBFixSupport.CompilesAsync(document, changed, cancellationToken).ConfigureAwait(false) ? plan : null;
        }

        public static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var plans = new List<ReusePlan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var plan = TryPlan(root, model, diagnostic, cancellationToken);
                if (plan != null && !plans.Any(p => p.Hoist.Expression.Span.IntersectsWith(plan.Hoist.Expression.Span)))
                {
                    plans.Add(plan);
                }
            }

            if (plans.Count == 0)
            {
                return document;
            }

            var changed = await ApplyAsync(document, plans, cancellationToken).ConfigureAwait(false);
            return await DynamoDBFixSupport.CompilesAsync(document, changed, cancellationToken).ConfigureAwait(false) ? changed : document;
        }

        private static async Task<Document> ApplyAsync(Document document, IEnumerable<ReusePlan> plans, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var plan in plans)
            {
                StaticFieldHoisting.ApplyReplacement(editor, plan.Hoist, SyntaxFactory.IdentifierName(plan.Name));
            }

            return editor.GetChangedDocument();
        }

        private static ReusePlan? TryPlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var hoist = StaticFieldHoisting.TryPlan(root, model, diagnostic, cancellationToken, requireStaticSafe: false);
            if (hoist is null || hoist.FieldType is not INamedTypeSymbol created || !ConstructorInjection.IsArgumentless(hoist.Expression)
                || model.GetDeclaredSymbol(hoist.Type, cancellationToken) is not INamedTypeSymbol type)
            {
                return null;
            }

            var instanceCode = ConstructorInjection.InInstanceCode(hoist.Expression);
            if (hoist.Expression.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } constructor && instanceCode)
            {
                foreach (var parameter in constructor.ParameterList.Parameters)
                {
                    if (parameter.Type != null && IsSameService(model.GetTypeInfo(parameter.Type, cancellationToken).Type, created))
                    {
                        return new ReusePlan(hoist, parameter.Identifier.ValueText);
                    }
                }
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsReadOnly: true, IsImplicitlyDeclared: false } field && (field.IsStatic || instanceCode)
                    && IsSameService(field.Type, created) && IsAssignedElsewhere(field, hoist.Expression, model, cancellationToken))
                {
                    return new ReusePlan(hoist, field.Name);
                }
            }

            return null;
        }

        /// <summary>The created client's own class, or its service interface (<c>AmazonDynamoDBClient</c> → <c>IAmazonDynamoDB</c>).</summary>
        private static bool IsSameService(ITypeSymbol? type, INamedTypeSymbol created)
        {
            if (type is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, created))
            {
                return true;
            }

            return type.TypeKind == TypeKind.Interface && created.Name.EndsWith("Client", System.StringComparison.Ordinal)
                && type.Name == "I" + created.Name.Substring(0, created.Name.Length - "Client".Length)
                && created.AllInterfaces.Contains((INamedTypeSymbol)type, SymbolEqualityComparer.Default);
        }

        /// <summary>
        /// The field holds an instance equivalent to an argument-less creation: initialized by one, or injected (assigned a
        /// constructor parameter). A field filled from a factory or a configured creation may point elsewhere: not reused.
        /// </summary>
        private static bool IsAssignedElsewhere(IFieldSymbol field, ExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer }
                    && !initializer.Value.Span.Contains(creation.Span) && ConstructorInjection.IsArgumentless(initializer.Value))
                {
                    return true;
                }
            }

            foreach (var constructor in field.ContainingType.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != model.SyntaxTree)
                    {
                        continue;
                    }

                    foreach (var assignment in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && !assignment.Right.Span.Contains(creation.Span)
                            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, field)
                            && model.GetSymbolInfo(assignment.Right, cancellationToken).Symbol is IParameterSymbol)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
