using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ExecutionContext
{
    /// <summary>
    /// Who calls a method and who constructs a class, as far as the compilation shows. Built once per compilation on
    /// first need by one syntax pass that binds nothing: call sites, object creations and method-group references are
    /// indexed by their simple name; a question binds only the sites of that one name. A name with too many sites is
    /// not answered (the caller then keeps its open answer).
    /// </summary>
    internal sealed class CallGraph
    {
        private const int MaxSitesPerQuestion = 16;

        private readonly Compilation _compilation;
        private readonly Dictionary<string, List<SyntaxNode>> _sitesByName;
        private readonly List<SyntaxNode> _implicitCreations;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel> _models =
            new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel>();

        private CallGraph(Compilation compilation, Dictionary<string, List<SyntaxNode>> sitesByName, List<SyntaxNode> implicitCreations)
        {
            _compilation = compilation;
            _sitesByName = sitesByName;
            _implicitCreations = implicitCreations;
        }

        /// <summary>A place that calls, references or constructs the symbol asked about, and the member whose code it is.</summary>
        internal readonly struct Site
        {
            public Site(IOperation operation, ISymbol member)
            {
                Operation = operation;
                Member = member;
            }

            public IOperation Operation { get; }

            public ISymbol Member { get; }
        }

        public static CallGraph Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var sites = new Dictionary<string, List<SyntaxNode>>(System.StringComparer.Ordinal);
            var implicitCreations = new List<SyntaxNode>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation:
                            Add(sites, SimpleName(invocation.Expression), invocation);
                            break;
                        case ObjectCreationExpressionSyntax creation:
                            Add(sites, SimpleName(creation.Type), creation);
                            break;
                        case ImplicitObjectCreationExpressionSyntax implicitCreation:
                            var declaredType = DeclaredTypeName(implicitCreation);
                            if (declaredType != null)
                            {
                                Add(sites, declaredType, implicitCreation);
                            }
                            else
                            {
                                implicitCreations.Add(implicitCreation);
                            }

                            break;
                        case IdentifierNameSyntax identifier when IsMethodGroupPosition(identifier):
                            Add(sites, identifier.Identifier.ValueText, identifier);
                            break;
                    }
                }
            }

            return new CallGraph(compilation, sites, implicitCreations);
        }

        /// <summary>Every call of, or method-group reference to, <paramref name="method"/>; false when the sites cannot all be read.</summary>
        public bool TryGetCallers(IMethodSymbol method, List<Site> result, CancellationToken cancellationToken)
        {
            if (!_sitesByName.TryGetValue(method.Name, out var candidates))
            {
                return true;
            }

            if (candidates.Count > MaxSitesPerQuestion)
            {
                return false;
            }

            var definition = method.OriginalDefinition;
            foreach (var node in candidates)
            {
                var model = ModelFor(node);
                var symbol = model.GetSymbolInfo(node, cancellationToken).Symbol as IMethodSymbol;
                if (symbol is null || !SymbolEqualityComparer.Default.Equals((symbol.ReducedFrom ?? symbol).OriginalDefinition, definition))
                {
                    continue;
                }

                if (!TryAddSite(model, node, result, cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Every <c>new T(…)</c> (and target-typed <c>new(…)</c>) of <paramref name="type"/>; false when they cannot all be read.</summary>
        public bool TryGetConstructions(INamedTypeSymbol type, List<Site> result, CancellationToken cancellationToken)
        {
            _sitesByName.TryGetValue(type.Name, out var named);
            var count = (named?.Count ?? 0) + _implicitCreations.Count;
            if (count > MaxSitesPerQuestion)
            {
                return false;
            }

            var definition = type.OriginalDefinition;
            foreach (var list in new[] { named, _implicitCreations })
            {
                if (list is null)
                {
                    continue;
                }

                foreach (var node in list)
                {
                    if (node is IdentifierNameSyntax || node is InvocationExpressionSyntax)
                    {
                        continue;
                    }

                    var model = ModelFor(node);
                    if (model.GetOperation(node, cancellationToken) is IObjectCreationOperation creation
                        && creation.Type is INamedTypeSymbol created && SymbolEqualityComparer.Default.Equals(created.OriginalDefinition, definition)
                        && !TryAddSite(model, node, result, cancellationToken))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private bool TryAddSite(SemanticModel model, SyntaxNode node, List<Site> result, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(node, cancellationToken);
            var member = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
            {
                member = nested.ContainingSymbol;
            }

            if (operation is null || member is null)
            {
                return false;
            }

            result.Add(new Site(operation, member));
            return true;
        }

        /// <summary>One model per tree for all questions: what one question binds in a tree, the next one reuses.</summary>
        private SemanticModel ModelFor(SyntaxNode node)
        {
#pragma warning disable RS1030 // Only the few sites of one name are bound; the model is kept per tree for the compilation's lifetime.
            return _models.GetOrAdd(node.SyntaxTree, tree => _compilation.GetSemanticModel(tree));
#pragma warning restore RS1030
        }

        private static void Add(Dictionary<string, List<SyntaxNode>> sites, string? name, SyntaxNode node)
        {
            if (name is null)
            {
                return;
            }

            if (!sites.TryGetValue(name, out var list))
            {
                list = new List<SyntaxNode>();
                sites[name] = list;
            }

            list.Add(node);
        }

        /// <summary>The type a target-typed <c>new()</c> gets from its declaration (<c>Driver d = new();</c>, <c>Driver D { get; } = new();</c>).</summary>
        private static string? DeclaredTypeName(ImplicitObjectCreationExpressionSyntax creation)
        {
            if (!(creation.Parent is EqualsValueClauseSyntax clause))
            {
                return null;
            }

            var type = clause.Parent switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                PropertyDeclarationSyntax property => property.Type,
                _ => null,
            };
            return type is null || type.IsVar ? null : SimpleName(type is NullableTypeSyntax nullable ? nullable.ElementType : type);
        }

        private static string? SimpleName(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.ValueText;
                case QualifiedNameSyntax qualified:
                    return qualified.Right.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                case AliasQualifiedNameSyntax alias:
                    return alias.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }

        /// <summary>A name used as a value rather than called: <c>Task.Run(RunAsync)</c>, <c>Func&lt;Task&gt; f = RunAsync</c>.</summary>
        private static bool IsMethodGroupPosition(IdentifierNameSyntax identifier)
        {
            SyntaxNode node = identifier;
            if (node.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                node = access;
            }

            return node.Parent is ArgumentSyntax || node.Parent is EqualsValueClauseSyntax
                || (node.Parent is AssignmentExpressionSyntax assignment && assignment.Right == node);
        }
    }
}
