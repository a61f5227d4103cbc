using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ExecutionContext
{
    /// <summary>
    /// Who calls a method and who constructs a class, as far as the compilation shows. Nothing is walked in advance: a
    /// question about one name looks only at the files whose text holds that name, goes from each place the name stands
    /// as a word to its token, and keeps the call sites, object creations and method-group references of that name
    /// (plus the target-typed <c>new()</c> of those files); only those few sites are then bound. A name with too many
    /// sites is not answered (the caller then keeps its open answer). The sites of a name are collected once per
    /// compilation.
    /// </summary>
    internal sealed class CallGraph
    {
        private const int MaxSitesPerQuestion = 16;

        private readonly Compilation _compilation;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, NameSites> _sitesByName =
            new System.Collections.Concurrent.ConcurrentDictionary<string, NameSites>(System.StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel> _models =
            new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel>();

        private CallGraph(Compilation compilation)
        {
            _compilation = compilation;
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

        /// <summary>
        /// The sites of one name: calls, creations and method-group references (<see cref="Named"/>), and the
        /// target-typed <c>new()</c> whose type no declaration beside it names (<see cref="Implicit"/>), each list cut
        /// off past <see cref="MaxSitesPerQuestion"/>.
        /// </summary>
        private sealed class NameSites
        {
            public readonly List<SyntaxNode> Named = new List<SyntaxNode>();

            public readonly List<SyntaxNode> Implicit = new List<SyntaxNode>();
        }

        public static CallGraph Build(Compilation compilation)
        {
            return new CallGraph(compilation);
        }

        private NameSites SitesOf(string name, CancellationToken cancellationToken)
        {
            // Collected with the asker's own cancellation token, and kept only when complete: a cancelled collection
            // leaves nothing behind. Two threads asking at once may both collect; they find the same sites.
            if (_sitesByName.TryGetValue(name, out var known))
            {
                return known;
            }

            return _sitesByName.GetOrAdd(name, Collect(name, cancellationToken));
        }

        private NameSites Collect(string name, CancellationToken cancellationToken)
        {
            var sites = new NameSites();
            foreach (var tree in SourceTextFilter.TreesMayContainWord(_compilation, name, cancellationToken))
            {
                foreach (var token in SourceTextFilter.IdentifiersNamedInText(tree, name, cancellationToken))
                {
                    AddSitesOf(token, sites);
                    if (sites.Named.Count > MaxSitesPerQuestion)
                    {
                        return sites;
                    }
                }

                foreach (var creation in UntypedImplicitCreations(tree, cancellationToken))
                {
                    if (sites.Implicit.Count > MaxSitesPerQuestion)
                    {
                        break;
                    }

                    sites.Implicit.Add(creation);
                }
            }

            return sites;
        }

        /// <summary>
        /// The target-typed <c>new()</c> of <paramref name="tree"/> whose type no declaration beside it names, in document
        /// order: the same for every name asked about, so found once per tree.
        /// </summary>
        private List<SyntaxNode> UntypedImplicitCreations(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (_untypedImplicitCreations.TryGetValue(tree, out var known))
            {
                return known;
            }

            var found = new List<SyntaxNode>();
            var text = SourceTextFilter.TextOf(tree, cancellationToken);
            var root = tree.GetRoot(cancellationToken);
            foreach (var position in SourceTextFilter.WordPositions(text, "new"))
            {
                var token = root.FindToken(position);
                if (token.IsKind(SyntaxKind.NewKeyword) && token.Parent is ImplicitObjectCreationExpressionSyntax creation && DeclaredTypeName(creation) is null)
                {
                    found.Add(creation);
                    if (found.Count > MaxSitesPerQuestion)
                    {
                        break; // more than any question reads
                    }
                }
            }

            return _untypedImplicitCreations.GetOrAdd(tree, found);
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, List<SyntaxNode>> _untypedImplicitCreations =
            new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, List<SyntaxNode>>();

        /// <summary>What the name at <paramref name="token"/> is: the callee of a call, the type of a creation, a method group, or the declared type of target-typed <c>new()</c>.</summary>
        private static void AddSitesOf(SyntaxToken token, NameSites sites)
        {
            if (!(token.Parent is SimpleNameSyntax name))
            {
                return;
            }

            var expression = SourceTextFilter.WrittenExpression(name);

            switch (expression.Parent)
            {
                case InvocationExpressionSyntax invocation when invocation.Expression == expression:
                    sites.Named.Add(invocation);
                    return;
                case ObjectCreationExpressionSyntax creation when creation.Type == expression:
                    sites.Named.Add(creation);
                    return;
            }

            if (name is IdentifierNameSyntax identifier && IsMethodGroupPosition(identifier))
            {
                sites.Named.Add(identifier);
                return;
            }

            // Driver d = new(); Driver? D { get; } = new();
            var type = expression.Parent is NullableTypeSyntax nullable && nullable.ElementType == expression ? nullable : expression;
            switch (type.Parent)
            {
                case VariableDeclarationSyntax declaration when declaration.Type == type:
                    foreach (var variable in declaration.Variables)
                    {
                        if (variable.Initializer?.Value is ImplicitObjectCreationExpressionSyntax implicitCreation)
                        {
                            sites.Named.Add(implicitCreation);
                        }
                    }

                    return;
                case PropertyDeclarationSyntax property when property.Type == type && property.Initializer?.Value is ImplicitObjectCreationExpressionSyntax implicitCreation:
                    sites.Named.Add(implicitCreation);
                    return;
            }
        }

        /// <summary>Every call of, or method-group reference to, <paramref name="method"/>; false when the sites cannot all be read.</summary>
        public bool TryGetCallers(IMethodSymbol method, List<Site> result, CancellationToken cancellationToken)
        {
            var candidates = SitesOf(method.Name, cancellationToken).Named;
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
            var sitesOfName = SitesOf(type.Name, cancellationToken);
            var named = sitesOfName.Named;
            if (named.Count + sitesOfName.Implicit.Count > MaxSitesPerQuestion)
            {
                return false;
            }

            var definition = type.OriginalDefinition;
            foreach (var list in new[] { named, sitesOfName.Implicit })
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
