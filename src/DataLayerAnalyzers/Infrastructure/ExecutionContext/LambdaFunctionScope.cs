using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataLayerAnalyzers.Infrastructure.ExecutionContext
{
    /// <summary>
    /// Answers "does this code run inside an AWS Lambda function?": handlers that take an <c>ILambdaContext</c>, Lambda
    /// Annotations <c>[LambdaFunction]</c> methods, every member of a class that declares one (a Lambda function class), and
    /// the classes such code constructs (followed a few levels deep). One instance per compilation; the constructed-class
    /// closure is built lazily, once, the first time code outside a function class is asked about.
    /// </summary>
    internal sealed class LambdaFunctionScope
    {
        private const int MaxConstructionDepth = 3;
        private const int MaxConstructedTypes = 512;

        private static readonly ConditionalWeakTable<Compilation, LambdaFunctionScope> Scopes = new ConditionalWeakTable<Compilation, LambdaFunctionScope>();

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _lambdaFunctionAttribute;
        private readonly object _gate = new object();
        private ImmutableHashSet<INamedTypeSymbol>? _constructed;

        private LambdaFunctionScope(Compilation compilation)
        {
            _compilation = compilation;
            _lambdaContext = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext");
            _lambdaFunctionAttribute = compilation.GetTypeByMetadataName("Amazon.Lambda.Annotations.LambdaFunctionAttribute");
        }

        /// <summary>False when neither Amazon.Lambda.Core nor Amazon.Lambda.Annotations is referenced: nothing is Lambda code.</summary>
        public bool IsAvailable => _lambdaContext != null || _lambdaFunctionAttribute != null;

        public static LambdaFunctionScope For(Compilation compilation) => Scopes.GetValue(compilation, c => new LambdaFunctionScope(c));

        /// <summary>True when <paramref name="containingSymbol"/> (the member holding the code) belongs to a Lambda function.</summary>
        public bool Contains(ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            if (containingSymbol is IMethodSymbol method && IsFunctionEntry(method))
            {
                return true;
            }

            var type = containingSymbol.ContainingType;
            if (type is null)
            {
                return false;
            }

            return IsFunctionClass(type) || GetConstructed(cancellationToken).Contains(type.OriginalDefinition);
        }

        /// <summary>A handler: takes an <c>ILambdaContext</c>, or carries <c>[LambdaFunction]</c>.</summary>
        private bool IsFunctionEntry(IMethodSymbol method)
        {
            if (_lambdaContext != null)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Type.IsOrInheritsFrom(_lambdaContext))
                    {
                        return true;
                    }
                }
            }

            if (_lambdaFunctionAttribute != null)
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (attribute.AttributeClass.IsOrDerivesFrom(_lambdaFunctionAttribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsFunctionClass(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && IsFunctionEntry(method))
                {
                    return true;
                }
            }

            return false;
        }

        private ImmutableHashSet<INamedTypeSymbol> GetConstructed(CancellationToken cancellationToken)
        {
            var set = Volatile.Read(ref _constructed);
            if (set != null)
            {
                return set;
            }

            lock (_gate)
            {
                if (_constructed is null)
                {
                    Volatile.Write(ref _constructed, BuildConstructed(cancellationToken));
                }

                return _constructed!;
            }
        }

        /// <summary>The classes of the compilation that function classes construct, then the classes those construct, a few levels deep.</summary>
        private ImmutableHashSet<INamedTypeSymbol> BuildConstructed(CancellationToken cancellationToken)
        {
            // Declarations of every class of the compilation, by symbol, read once.
            var declarations = new Dictionary<INamedTypeSymbol, List<TypeDeclarationSyntax>>(SymbolEqualityComparer.Default);
            var frontier = new List<INamedTypeSymbol>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    if (node is not TypeDeclarationSyntax declaration)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Once per tree per compilation, and only when a direct RDS endpoint is seen outside a function class.
                    model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol)
                    {
                        continue;
                    }

                    if (!declarations.TryGetValue(symbol, out var list))
                    {
                        declarations[symbol] = list = new List<TypeDeclarationSyntax>();
                        if (IsFunctionClass(symbol))
                        {
                            frontier.Add(symbol);
                        }
                    }

                    list.Add(declaration);
                }
            }

            var seen = new HashSet<INamedTypeSymbol>(frontier, SymbolEqualityComparer.Default);
            var constructed = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            for (var depth = 0; depth < MaxConstructionDepth && frontier.Count > 0; depth++)
            {
                var next = new List<INamedTypeSymbol>();
                foreach (var type in frontier)
                {
                    foreach (var declaration in declarations[type])
                    {
#pragma warning disable RS1030 // Only for the declarations of function classes and the classes they construct.
                        var model = _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                        foreach (var node in declaration.DescendantNodes())
                        {
                            if (node is BaseObjectCreationExpressionSyntax creation
                                && model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol created
                                && declarations.ContainsKey(created.OriginalDefinition)
                                && seen.Add(created.OriginalDefinition) && constructed.Count < MaxConstructedTypes)
                            {
                                constructed.Add(created.OriginalDefinition);
                                next.Add(created.OriginalDefinition);
                            }
                        }
                    }
                }

                frontier = next;
            }

            return constructed.ToImmutable();
        }
    }
}
