using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// The data sources the compilation registers through Npgsql.DependencyInjection:
    /// <c>services.AddNpgsqlDataSource(…)</c> / <c>AddNpgsqlSlimDataSource(…)</c> register <c>NpgsqlDataSource</c>;
    /// <c>AddMultiHostNpgsqlDataSource(…)</c> / <c>AddMultiHostNpgsqlSlimDataSource(…)</c> register
    /// <c>NpgsqlMultiHostDataSource</c> and <c>NpgsqlDataSource</c> (all singletons by default, as the package's
    /// <c>ServiceCollection</c> shows). A registration counts only when the data source stays a singleton and is not keyed
    /// (a keyed one is injected only with <c>[FromKeyedServices]</c>). Built once per compilation, on first need, by one
    /// pass that binds only invocations of those four names; nothing when the package is not referenced.
    /// </summary>
    internal sealed class NpgsqlDataSourceRegistrations
    {
        private const string ExtensionsMetadataName = "Microsoft.Extensions.DependencyInjection.NpgsqlServiceCollectionExtensions";

        private static readonly ConditionalWeakTable<Compilation, NpgsqlDataSourceRegistrations> Cache = new ConditionalWeakTable<Compilation, NpgsqlDataSourceRegistrations>();

        private static readonly NpgsqlDataSourceRegistrations None = new NpgsqlDataSourceRegistrations(new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default));

        private readonly HashSet<INamedTypeSymbol> _registered;

        private NpgsqlDataSourceRegistrations(HashSet<INamedTypeSymbol> registered)
        {
            _registered = registered;
        }

        /// <summary>True when the compilation registers <paramref name="type"/> through Npgsql.DependencyInjection.</summary>
        public bool IsRegistered(INamedTypeSymbol type) => _registered.Contains(type.OriginalDefinition);

        public static NpgsqlDataSourceRegistrations For(Compilation compilation, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(compilation, out var known))
            {
                return known;
            }

            var built = Build(compilation, cancellationToken);
            return Cache.GetValue(compilation, _ => built);
        }

        private static NpgsqlDataSourceRegistrations Build(Compilation compilation, CancellationToken cancellationToken)
        {
            // Npgsql.EntityFrameworkCore.PostgreSQL has a class of the same full name (AddEntityFrameworkNpgsql): ask the
            // Npgsql.DependencyInjection assembly itself.
            var assembly = compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.Name == "Npgsql.DependencyInjection");
            var extensions = assembly?.GetTypeByMetadataName(ExtensionsMetadataName);
            var dataSource = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSource");
            var multiHost = compilation.GetTypeByMetadataName("Npgsql.NpgsqlMultiHostDataSource");
            if (extensions is null || dataSource is null)
            {
                return None;
            }

            var registered = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!SourceTextFilter.MayContainAnyWord(tree, RegistrationMethodNames, cancellationToken))
                {
                    continue; // no registration name in the file's text
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    var name = (node as InvocationExpressionSyntax)?.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => null,
                    };
                    if (!IsRegistrationName(name, out var isMultiHost))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Registrations live in other files than the code being fixed; this pass runs once per compilation.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (!(model.GetOperation(node, cancellationToken) is IInvocationOperation invocation)
                        || !SymbolEqualityComparer.Default.Equals((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).ContainingType, extensions)
                        || !IsUnkeyedSingleton(invocation, cancellationToken))
                    {
                        continue;
                    }

                    registered.Add(dataSource);
                    if (isMultiHost && multiHost != null)
                    {
                        registered.Add(multiHost);
                    }
                }
            }

            return registered.Count == 0 ? None : new NpgsqlDataSourceRegistrations(registered);
        }

        private static readonly string[] RegistrationMethodNames =
        {
            "AddNpgsqlDataSource", "AddNpgsqlSlimDataSource", "AddMultiHostNpgsqlDataSource", "AddMultiHostNpgsqlSlimDataSource",
        };

        private static bool IsRegistrationName(string? name, out bool isMultiHost)
        {
            isMultiHost = name == "AddMultiHostNpgsqlDataSource" || name == "AddMultiHostNpgsqlSlimDataSource";
            return isMultiHost || name == "AddNpgsqlDataSource" || name == "AddNpgsqlSlimDataSource";
        }

        /// <summary><c>dataSourceLifetime</c> left at its default or <c>Singleton</c>, and no <c>serviceKey</c> other than <c>null</c>.</summary>
        private static bool IsUnkeyedSingleton(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                switch (argument.Parameter?.Name)
                {
                    case "dataSourceLifetime":
                        if (!ValueResolver.TryResolveEnumMember(argument.Value, out var lifetime, out _, cancellationToken) || lifetime != "Singleton")
                        {
                            return false;
                        }

                        break;
                    case "serviceKey":
                        if (!ValueResolver.TryResolveConstant(argument.Value, out var key, out _, cancellationToken) || key != null)
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }
    }
}
