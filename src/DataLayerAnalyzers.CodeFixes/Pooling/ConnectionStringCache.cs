using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4003, for a pool built from the call's state (<c>NpgsqlDataSource.Create(_config.GetConnectionString("Ledger"))</c>),
    /// which cannot move to a static field: one pool per distinct connection string, kept in a
    /// <c>private static readonly ConcurrentDictionary&lt;string, T&gt;</c> of the enclosing type, so the creation becomes
    /// <c>Cache.GetOrAdd(connectionString, connectionString =&gt; NpgsqlDataSource.Create(connectionString))</c> — what the
    /// providers do for their own connection pools. DLA4002 uses it the same way for a client whose one call-dependent
    /// input is a string (<c>new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(_config["Region"]))</c>, keyed by the
    /// region name). Offered for a static factory or constructor when a static field is not possible and everything the
    /// creation reads of the call (fields, properties, locals; never a method parameter, whose values a caller could vary
    /// without bound) sits in one string argument.
    /// </summary>
    internal static class ConnectionStringCache
    {
        public const string EquivalenceKey = "DLA4003.StaticCacheByConnectionString";

        /// <summary>DLA4002: one client per distinct setting the call supplies (a region from configuration).</summary>
        public const string ClientEquivalenceKey = "DLA4002.StaticCacheBySetting";

        internal sealed class CachePlan
        {
            public CachePlan(StaticFieldHoisting.Plan hoist, ArgumentSyntax key, string parameterName)
            {
                Hoist = hoist;
                Key = key;
                ParameterName = parameterName;
            }

            public StaticFieldHoisting.Plan Hoist { get; }

            /// <summary>The connection-string argument: the dictionary key.</summary>
            public ArgumentSyntax Key { get; }

            /// <summary>The factory parameter's name (the creation's parameter name, as <c>connectionString</c>).</summary>
            public string ParameterName { get; }
        }

        public static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return root != null && model != null && model.Compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2") != null
                && TryPlan(root, model, diagnostic, cancellationToken) != null;
        }

        internal static CachePlan? TryPlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (StaticFieldHoisting.TryPlan(root, model, diagnostic, cancellationToken) != null)
            {
                return null; // needs nothing of the call: the static readonly field is simpler
            }

            var hoist = StaticFieldHoisting.TryPlan(root, model, diagnostic, cancellationToken, requireStaticSafe: false);
            if (hoist is null || hoist.Expression.FirstAncestorOrSelf<FieldDeclarationSyntax>() != null)
            {
                return null;
            }

            var operation = model.GetOperation(hoist.Expression, cancellationToken);
            if (!(operation is IInvocationOperation { Instance: null, TargetMethod: { IsStatic: true } } || operation is IObjectCreationOperation { Initializer: null }))
            {
                return null;
            }

            // Everything of the call the creation reads must sit in one string argument: that string is the cache key, and
            // the factory, with the key replaced by its parameter, captures nothing.
            var dependent = new List<IOperation>();
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case IAnonymousFunctionOperation _:
                    case IParameterReferenceOperation _: // a value the caller (perhaps a request) supplies: an unbounded cache
                    case var _ when descendant.Type is ITypeParameterSymbol:
                        return null;
                    case ILocalReferenceOperation _:
                    case IInstanceReferenceOperation _:
                    case IAwaitOperation _:
                        dependent.Add(descendant);
                        break;
                }
            }

            ArgumentSyntax? key = null;
            string? parameterName = null;
            foreach (var argument in operation.DescendantsAndSelf().OfType<IArgumentOperation>())
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || !(argument.Parameter is { Type: { SpecialType: SpecialType.System_String } } parameter))
                {
                    continue;
                }

                // The operation may point at the argument's value (a suppressed `x!` points inside it): take the written argument.
                var syntax = argument.Syntax.AncestorsAndSelf().TakeWhile(n => n != hoist.Expression).OfType<ArgumentSyntax>().FirstOrDefault();
                if (syntax is null || syntax.NameColon != null || (key != null && key.Span.Length >= syntax.Span.Length)
                    || !dependent.All(d => syntax.Expression.Span.Contains(d.Syntax.Span)))
                {
                    continue;
                }

                key = syntax;
                parameterName = parameter.Name;
            }

            return dependent.Count == 0 || key is null || parameterName is null ? null : new CachePlan(hoist, key, parameterName);
        }

        public static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var dictionary = model?.Compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2");
            if (root is null || model is null || dictionary is null)
            {
                return document;
            }

            var plans = new List<CachePlan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenByDescending(d => d.Location.SourceSpan.Length))
            {
                var plan = TryPlan(root, model, diagnostic, cancellationToken);
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
            var newFields = new Dictionary<TypeDeclarationSyntax, List<SyntaxNode>>();
            var names = new Dictionary<(TypeDeclarationSyntax Type, string Factory), string>();
            var usedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                var parameterName = UniqueName(model, plan.Hoist.Expression.SpanStart, plan.ParameterName, new HashSet<string>(StringComparer.Ordinal));
                var factoryBody = plan.Hoist.Expression.ReplaceNode(plan.Key.Expression, SyntaxFactory.IdentifierName(parameterName)).WithoutTrivia();
                var factory = SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameterName)), factoryBody);
                var factoryText = factory.NormalizeWhitespace().ToString();
                var slot = (plan.Hoist.Type, factoryText);
                if (!names.TryGetValue(slot, out var name))
                {
                    name = ExistingCache(model, plan, factoryText, cancellationToken);
                    if (name is null)
                    {
                        var typeName = plan.Hoist.FieldType.Name;
                        typeName = typeName.StartsWith("Amazon", StringComparison.Ordinal) && typeName.Length > "Amazon".Length ? typeName.Substring("Amazon".Length) : typeName;
                        name = UniqueName(model, plan.Hoist.Expression.SpanStart, "Shared" + typeName + "s", usedNames);
                        usedNames.Add(name);
                        var cacheType = editor.Generator.TypeExpression(dictionary.Construct(model.Compilation.GetSpecialType(SpecialType.System_String), plan.Hoist.FieldType));
                        var field = editor.Generator.FieldDeclaration(
                            name,
                            cacheType,
                            Accessibility.Private,
                            DeclarationModifiers.Static | DeclarationModifiers.ReadOnly,
                            editor.Generator.ObjectCreationExpression(cacheType))
                            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
                        if (!newFields.TryGetValue(plan.Hoist.Type, out var fields))
                        {
                            fields = new List<SyntaxNode>();
                            newFields[plan.Hoist.Type] = fields;
                        }

                        fields.Add(field);
                    }

                    names[slot] = name;
                }

                var replacement = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(name), SyntaxFactory.IdentifierName("GetOrAdd")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        SyntaxFactory.Argument(plan.Key.Expression.WithoutTrivia()),
                        SyntaxFactory.Argument(factory),
                    })));
                StaticFieldHoisting.ApplyReplacement(editor, plan.Hoist, replacement);
            }

            foreach (var pair in newFields)
            {
                // After the type's leading static fields, so fixing one at a time and all at once give the same order.
                var index = pair.Key.Members.TakeWhile(m => m is FieldDeclarationSyntax f && f.Modifiers.Any(SyntaxKind.StaticKeyword)).Count();
                editor.ReplaceNode(pair.Key, (node, g) => g.InsertMembers(node, index, pair.Value));
            }

            return await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A static readonly field of the type that an earlier fix made: a <c>GetOrAdd</c> on it in the type already uses
        /// the same factory. A dictionary the user keys by something else is never taken.
        /// </summary>
        private static string? ExistingCache(SemanticModel model, CachePlan plan, string factoryText, CancellationToken cancellationToken)
        {
            foreach (var invocation in plan.Hoist.Type.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "GetOrAdd" } } } access
                    && access.Expression is IdentifierNameSyntax
                    && invocation.ArgumentList.Arguments.Count == 2
                    && invocation.ArgumentList.Arguments[1].Expression is SimpleLambdaExpressionSyntax lambda
                    && lambda.NormalizeWhitespace().ToString() == factoryText
                    && model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is IFieldSymbol { IsStatic: true, IsReadOnly: true } field
                    && SymbolEqualityComparer.Default.Equals(field.ContainingType, model.GetDeclaredSymbol(plan.Hoist.Type, cancellationToken)))
                {
                    return field.Name;
                }
            }

            return null;
        }

        private static string UniqueName(SemanticModel model, int position, string baseName, HashSet<string> used)
        {
            for (var i = 1; i < 1000; i++)
            {
                var candidate = i == 1 ? baseName : baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!used.Contains(candidate) && model.LookupSymbols(position, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }

            return baseName + "_";
        }
    }
}
