using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Types looked up by metadata name, once per compilation. Rules build their typed symbol sets from this at
    /// compilation start and register nothing when the library they need is not referenced.
    /// </summary>
    internal sealed class KnownTypes
    {
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _cache = new ConcurrentDictionary<string, INamedTypeSymbol?>();

        public KnownTypes(Compilation compilation)
        {
            Compilation = compilation;
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? Get(string metadataName)
        {
            return _cache.GetOrAdd(metadataName, name => Compilation.GetTypeByMetadataName(name));
        }
    }

    internal static class SymbolExtensions
    {
        /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
        public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="other"/>.</summary>
        public static bool IsOrInheritsFrom(this ITypeSymbol? type, INamedTypeSymbol? other)
        {
            if (type is null || other is null)
            {
                return false;
            }

            if (type.IsOrDerivesFrom(other))
            {
                return true;
            }

            foreach (var iface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, other))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? other)
        {
            return type != null && other != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, other);
        }
    }
}
