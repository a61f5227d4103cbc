using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure.ExecutionContext;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4002 and DLA4003: in a class the DI container builds (a controller, or a class registered in the compilation),
    /// replace <c>new AmazonXClient()</c> with a constructor-injected <c>IAmazonX</c> held in a readonly field. Offered
    /// only when the compilation registers <c>IAmazonX</c> (for example <c>AddAWSService&lt;IAmazonX&gt;()</c>), the
    /// creation has no arguments (the registered client's configuration applies) and the class has at most one
    /// constructor with a block body. For DLA4003 the same with the registered <c>NpgsqlDataSource</c> /
    /// <c>MySqlDataSource</c> / <c>IConnectionMultiplexer</c> (<c>AddSingleton(…)</c>, or Npgsql.DependencyInjection's
    /// <c>AddNpgsqlDataSource(…)</c> family, see <see cref="NpgsqlDataSourceRegistrations"/>): the creation's arguments are
    /// dropped, the registered instance's connection string applies.
    /// </summary>
    internal static class ConstructorInjection
    {
        public const string EquivalenceKey = "DLA4002.ConstructorInjection";

        public const string DataSourceEquivalenceKey = "DLA4003.ConstructorInjection";

        private sealed class InjectionPlan
        {
            public InjectionPlan(StaticFieldHoisting.Plan hoist, ClassDeclarationSyntax type, INamedTypeSymbol service, ConstructorDeclarationSyntax? constructor)
            {
                Hoist = hoist;
                Type = type;
                Service = service;
                Constructor = constructor;
            }

            public StaticFieldHoisting.Plan Hoist { get; }

            public ClassDeclarationSyntax Type { get; }

            public INamedTypeSymbol Service { get; }

            public ConstructorDeclarationSyntax? Constructor { get; }
        }

        public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return root != null && model != null && TryPlan(root, model, ExecutionContextEngine.For(model.Compilation), diagnostic, cancellationToken) != null;
        }

        public static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var engine = ExecutionContextEngine.For(model.Compilation);
            var plans = new List<InjectionPlan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var plan = TryPlan(root, model, engine, diagnostic, cancellationToken);
                if (plan != null && !plans.Any(p => p.Hoist.Expression.Span.Contains(plan.Hoist.Expression.Span)))
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
            foreach (var byType in plans.GroupBy(p => p.Type))
            {
                var type = byType.Key;
                var classSymbol = model.GetDeclaredSymbol(type, cancellationToken);
                var constructor = byType.First().Constructor;
                var newMembers = new List<SyntaxNode>();
                var parameters = new List<ParameterSyntax>();
                var assignments = new List<StatementSyntax>();
                var usedNames = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var byService in byType.GroupBy(p => p.Service, SymbolEqualityComparer.Default))
                {
                    var service = (INamedTypeSymbol)byService.Key!;
                    var existing = ExistingField(classSymbol, service, byService.Select(p => p.Hoist.Expression));
                    if (existing != null)
                    {
                        foreach (var plan in byService)
                        {
                            StaticFieldHoisting.ApplyReplacement(editor, plan.Hoist, SyntaxFactory.IdentifierName(existing));
                        }

                        continue;
                    }

                    var baseName = service.Name.StartsWith("IAmazon", System.StringComparison.Ordinal) ? service.Name.Substring("IAmazon".Length)
                        : service.TypeKind == TypeKind.Interface && service.Name.Length > 1 && service.Name[0] == 'I' ? service.Name.Substring(1) : service.Name;
                    var parameterName = Unique(char.ToLowerInvariant(baseName[0]) + baseName.Substring(1), classSymbol, constructor, usedNames);
                    var fieldName = Unique("_" + parameterName, classSymbol, constructor, usedNames);
                    var serviceType = (TypeSyntax)generator.TypeExpression(service).WithAdditionalAnnotations(Simplifier.Annotation);
                    newMembers.Add(generator.FieldDeclaration(fieldName, serviceType, Accessibility.Private, DeclarationModifiers.ReadOnly).WithAdditionalAnnotations(Formatter.Annotation));
                    parameters.Add(SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameterName)).WithType(serviceType));
                    assignments.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(fieldName), SyntaxFactory.IdentifierName(parameterName)))
                        .WithAdditionalAnnotations(Formatter.Annotation));
                    foreach (var plan in byService)
                    {
                        StaticFieldHoisting.ApplyReplacement(editor, plan.Hoist, SyntaxFactory.IdentifierName(fieldName));
                    }
                }

                if (parameters.Count == 0)
                {
                    continue;
                }

                if (constructor != null)
                {
                    editor.ReplaceNode(constructor, (node, g) =>
                    {
                        var ctor = (ConstructorDeclarationSyntax)node;
                        ctor = ctor.WithParameterList(ctor.ParameterList.AddParameters(parameters.ToArray()));
                        return ctor.WithBody(ctor.Body!.WithStatements(ctor.Body.Statements.InsertRange(0, assignments)));
                    });
                }
                else
                {
                    newMembers.Add(generator.ConstructorDeclaration(type.Identifier.ValueText, parameters, Accessibility.Public, statements: assignments)
                        .WithAdditionalAnnotations(Formatter.Annotation));
                }

                var index = type.Members.TakeWhile(m => m is FieldDeclarationSyntax).Count();
                editor.ReplaceNode(type, (node, g) => g.InsertMembers(node, index, newMembers));
            }

            return editor.GetChangedDocument();
        }

        /// <summary>An instance readonly field of the service type (an earlier fix, or hand-written injection) to reuse.</summary>
        private static string? ExistingField(INamedTypeSymbol? type, INamedTypeSymbol service, IEnumerable<ExpressionSyntax> creations)
        {
            if (type is null)
            {
                return null;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false, IsReadOnly: true, IsImplicitlyDeclared: false } field
                    && SymbolEqualityComparer.Default.Equals(field.Type, service)
                    && !creations.Any(c => c.Parent is AssignmentExpressionSyntax assignment && assignment.Left.ToString().EndsWith(field.Name, System.StringComparison.Ordinal)))
                {
                    return field.Name;
                }
            }

            return null;
        }

        private static InjectionPlan? TryPlan(SyntaxNode root, SemanticModel model, ExecutionContextEngine engine, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var hoist = StaticFieldHoisting.TryPlan(root, model, diagnostic, cancellationToken, requireStaticSafe: false);
            if (hoist is null || !(hoist.Type is ClassDeclarationSyntax type) || !(hoist.FieldType is INamedTypeSymbol created))
            {
                return null;
            }

            INamedTypeSymbol? service;
            if (diagnostic.Id == RuleIdentifiers.ReuseDataSourcesAndMultiplexers)
            {
                // DLA4003: the registered data source or multiplexer (its interface, IConnectionMultiplexer, when that is what is registered).
                var serviceInterface = created.AllInterfaces.FirstOrDefault(i => i.Name == "I" + created.Name);
                service = serviceInterface != null && engine.IsServiceRegistered(serviceInterface, cancellationToken) ? serviceInterface : created;
            }
            else
            {
                if (!IsArgumentless(hoist.Expression) || !created.Name.EndsWith("Client", System.StringComparison.Ordinal))
                {
                    return null;
                }

                var serviceName = "I" + created.Name.Substring(0, created.Name.Length - "Client".Length);
                service = created.AllInterfaces.FirstOrDefault(i => i.Name == serviceName);
            }

            var classSymbol = model.GetDeclaredSymbol(type, cancellationToken);
            if (service is null || classSymbol is null || classSymbol.IsStatic
                || !engine.IsBuiltByContainer(classSymbol, cancellationToken) || !IsRegistered(service)
                || !InInstanceCode(hoist.Expression))
            {
                return null;
            }

            var constructors = classSymbol.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).ToList();
            if (constructors.Count > 1)
            {
                return null;
            }

            ConstructorDeclarationSyntax? constructor = null;
            if (constructors.Count == 1)
            {
                constructor = constructors[0].DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<ConstructorDeclarationSyntax>().FirstOrDefault();
                if (constructor is null || constructor.Body is null || constructor.Initializer?.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword) == true
                    || constructor.SyntaxTree != root.SyntaxTree)
                {
                    return null; // a primary constructor, an expression body, chaining, or another file
                }
            }

            return new InjectionPlan(hoist, type, service, constructor);

            bool IsRegistered(INamedTypeSymbol candidate) => engine.IsServiceRegistered(candidate, cancellationToken)
                || (diagnostic.Id == RuleIdentifiers.ReuseDataSourcesAndMultiplexers
                    && NpgsqlDataSourceRegistrations.For(model.Compilation, cancellationToken).IsRegistered(candidate));
        }

        internal static bool IsArgumentless(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case ObjectCreationExpressionSyntax creation:
                    return (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0) && creation.Initializer is null;
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    return implicitCreation.ArgumentList.Arguments.Count == 0 && implicitCreation.Initializer is null;
                default:
                    return false;
            }
        }

        /// <summary>Inside an instance method, accessor or constructor body, not a static lambda or local function.</summary>
        internal static bool InInstanceCode(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                    case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return false;
                    case FieldDeclarationSyntax _:
                        return false;
                    case PropertyDeclarationSyntax property:
                        return !property.Modifiers.Any(SyntaxKind.StaticKeyword) && property.Initializer?.Span.Contains(node.Span) != true;
                    case BaseMethodDeclarationSyntax method:
                        return !method.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case TypeDeclarationSyntax _:
                        return false;
                }
            }

            return false;
        }

        private static string Unique(string name, INamedTypeSymbol? type, ConstructorDeclarationSyntax? constructor, HashSet<string> used)
        {
            for (var i = 1; ; i++)
            {
                var candidate = i == 1 ? name : name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!used.Contains(candidate) && (type is null || type.GetMembers(candidate).IsEmpty)
                    && (constructor is null || !constructor.ParameterList.Parameters.Any(p => p.Identifier.ValueText == candidate)))
                {
                    used.Add(candidate);
                    return candidate;
                }
            }
        }
    }
}
