using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>
    /// DLA2002's configuration action: where code at a password's site can read the password from. An
    /// <c>IConfiguration</c>, or an <c>IOptions&lt;TSettings&gt;</c> (or <c>IOptionsSnapshot&lt;TSettings&gt;</c>) whose settings
    /// class has a string property that is the password of that connection; both as a parameter of the enclosing method
    /// (or lambda), else as a field or property of the type that the context (static or instance) can reach.
    /// </summary>
    internal static class PasswordSources
    {
        /// <summary>Property names that hold the password of whatever connection the settings class configures.</summary>
        private static readonly string[] GenericDatabaseNames = { "Password", "DbPassword", "DatabasePassword" };

        private static readonly string[] GenericCacheNames = { "Password", "RedisPassword", "CachePassword" };

        /// <summary>A readable <c>IConfiguration</c> in scope, as the expression that reads it.</summary>
        public static ExpressionSyntax? FindConfiguration(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var configuration = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            if (configuration is null)
            {
                return null;
            }

            var found = InScope(model, node, cancellationToken).FirstOrDefault(c => c.Type.IsOrInheritsFrom(configuration));
            return found.Name is null ? null : Name(found.Name);
        }

        /// <summary>
        /// <c>_options.Value.LedgerPassword</c>: an <c>IOptions&lt;TSettings&gt;</c> in scope whose settings class has a readable
        /// string property named after the connection (<c>&lt;Name&gt;Password</c>, <c>&lt;Name&gt;DbPassword</c>,
        /// <c>&lt;Name&gt;DatabasePassword</c>), else exactly one generic one (<c>Password</c>, <c>DbPassword</c>,
        /// <c>DatabasePassword</c>; for Redis <c>Password</c>, <c>RedisPassword</c>, <c>CachePassword</c>) in a class with no
        /// other property named <c>…Password</c> (that would be another connection's). Null when there is no such clean
        /// mapping, or two sources of different settings map equally well.
        /// </summary>
        public static (ExpressionSyntax Read, string Description)? FindOptionsPassword(SemanticModel model, SyntaxNode node, string connectionName, bool isRedis, CancellationToken cancellationToken)
        {
            var options = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1");
            if (options is null)
            {
                return null;
            }

            var specific = isRedis ? new[] { connectionName + "Password" } : new[] { connectionName + "Password", connectionName + "DbPassword", connectionName + "DatabasePassword" };
            var generic = isRedis ? GenericCacheNames : GenericDatabaseNames;
            (ExpressionSyntax Read, string Description)? best = null;
            var bestRank = 0;
            var tie = false;
            foreach (var (name, type) in InScope(model, node, cancellationToken))
            {
                var optionsType = type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, options)
                    ? named
                    : type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, options));
                if (optionsType is null || !(optionsType.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } settings))
                {
                    continue;
                }

                var passwords = ReadableStrings(model, settings, node.SpanStart).Where(p => p.Name.EndsWith("Password", StringComparison.OrdinalIgnoreCase)).ToList();
                var property = passwords.FirstOrDefault(p => specific.Any(s => string.Equals(p.Name, s, StringComparison.OrdinalIgnoreCase)));
                var rank = 2;
                if (property is null)
                {
                    var generics = passwords.Where(p => generic.Any(g => string.Equals(p.Name, g, StringComparison.OrdinalIgnoreCase))).ToList();
                    property = generics.Count == 1 && passwords.Count == 1 ? generics[0] : null;
                    rank = 1;
                }

                var description = settings.Name + "." + property?.Name;
                if (property is null || rank < bestRank || (rank == bestRank && best?.Description == description))
                {
                    continue; // a farther source of the same settings (a constructor's parameter and the field it fills) adds nothing
                }

                tie = rank == bestRank;
                bestRank = rank;
                var read = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Name(name), SyntaxFactory.IdentifierName("Value")),
                    Name(property.Name));
                best = (read, description);
            }

            return tie ? null : best;
        }

        /// <summary>A reference to <paramref name="name"/>, escaped when it is a keyword (<c>@params</c>).</summary>
        private static IdentifierNameSyntax Name(string name)
            => SyntaxFactory.IdentifierName(SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? SyntaxFactory.Identifier(default, SyntaxKind.IdentifierToken, "@" + name, name, default) : SyntaxFactory.Identifier(name));

        /// <summary>Instance string properties of <paramref name="settings"/> (and its bases) readable at <paramref name="position"/>.</summary>
        private static IEnumerable<IPropertySymbol> ReadableStrings(SemanticModel model, INamedTypeSymbol settings, int position)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var depth = 0;
            for (var current = settings; current != null && current.SpecialType != SpecialType.System_Object && depth < 16; current = current.BaseType, depth++)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && !property.IsIndexer && property.Type.SpecialType == SpecialType.System_String
                        && property.GetMethod != null && model.IsAccessible(position, property.GetMethod) && seen.Add(property.Name))
                    {
                        yield return property;
                    }
                }
            }
        }

        /// <summary>
        /// Values the code at <paramref name="node"/> can read, nearest first: parameters of the enclosing method and of the
        /// lambdas and local functions around it, then fields and properties of the type (instance ones only from instance
        /// methods: initializers of instance fields and properties cannot read other instance members).
        /// </summary>
        private static IEnumerable<(string Name, ITypeSymbol Type)> InScope(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var member = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            for (var depth = 0; member is IMethodSymbol method && depth < 16; depth++)
            {
                foreach (var parameter in method.Parameters)
                {
                    yield return (parameter.Name, parameter.Type);
                }

                if (method.MethodKind != MethodKind.AnonymousFunction && method.MethodKind != MethodKind.LocalFunction)
                {
                    break;
                }

                member = method.ContainingSymbol;
            }

            var type = member?.ContainingType;
            if (member is null || type is null)
            {
                yield break;
            }

            var instanceContext = !member.IsStatic && member is IMethodSymbol;
            foreach (var candidate in type.GetMembers())
            {
                var candidateType = candidate is IFieldSymbol field && !field.IsImplicitlyDeclared ? field.Type : candidate is IPropertySymbol property ? property.Type : null;
                if (candidateType != null && (candidate.IsStatic || instanceContext))
                {
                    yield return (candidate.Name, candidateType);
                }
            }
        }
    }
}
