using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ExecutionContext
{
    /// <summary>
    /// What the compilation itself says about object lifetimes: implementation types registered with the DI container
    /// (and with which lifetime) and methods passed as minimal-API handlers. Built once per compilation, on first need,
    /// by one pass over the syntax trees that binds only invocations whose name is a registration or mapping method.
    /// </summary>
    internal sealed class ServiceRegistrations
    {
        private static readonly HashSet<string> RegistrationNames = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "AddSingleton", "AddScoped", "AddTransient",
            "TryAddSingleton", "TryAddScoped", "TryAddTransient",
            "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient",
            "TryAddKeyedSingleton", "TryAddKeyedScoped", "TryAddKeyedTransient",
            "AddHostedService", "AddDbContext", "AddHttpClient",
        };

        /// <summary>The method names a registration is made with: a file holding none of them as a word is skipped.</summary>
        private static readonly string[] RegistrationWords = RegistrationNames.Concat(new[] { "AddAWSService" }).ToArray();

        private readonly Dictionary<INamedTypeSymbol, RegisteredLifetime> _types;
        private readonly HashSet<IMethodSymbol> _handlers;
        private readonly HashSet<INamedTypeSymbol> _services;

        private ServiceRegistrations(Dictionary<INamedTypeSymbol, RegisteredLifetime> types, HashSet<IMethodSymbol> handlers, HashSet<INamedTypeSymbol> services)
        {
            _types = types;
            _handlers = handlers;
            _services = services;
        }

        /// <summary>True when the compilation registers <paramref name="serviceType"/> as a service (<c>AddAWSService&lt;IAmazonX&gt;</c>, <c>AddSingleton&lt;IAmazonX&gt;(…)</c>).</summary>
        public bool IsServiceRegistered(INamedTypeSymbol serviceType) => _services.Contains(serviceType.OriginalDefinition);

        public RegisteredLifetime GetLifetime(INamedTypeSymbol type)
        {
            return _types.TryGetValue(type.OriginalDefinition, out var lifetime) ? lifetime : RegisteredLifetime.None;
        }

        public bool IsEndpointHandler(IMethodSymbol method) => _handlers.Contains(method.OriginalDefinition);

        /// <summary>The lifetime a registration method gives, or None when <paramref name="method"/> is not one.</summary>
        public static RegisteredLifetime LifetimeOf(IMethodSymbol method, INamedTypeSymbol serviceCollection, IInvocationOperation? invocation)
        {
            var name = method.Name;
            if (!RegistrationNames.Contains(name) && name != "AddAWSService")
            {
                return RegisteredLifetime.None;
            }

            var definition = method.ReducedFrom ?? method;
            if (definition.Parameters.Length == 0 || !definition.Parameters[0].Type.IsOrInheritsFrom(serviceCollection))
            {
                return RegisteredLifetime.None;
            }

            if (name.EndsWith("Singleton", System.StringComparison.Ordinal) || name == "AddHostedService")
            {
                return RegisteredLifetime.Singleton;
            }

            if (name.EndsWith("Scoped", System.StringComparison.Ordinal) || name == "AddDbContext")
            {
                return name == "AddDbContext" ? LifetimeArgument(invocation, RegisteredLifetime.Scoped, "contextLifetime") : RegisteredLifetime.Scoped;
            }

            if (name.EndsWith("Transient", System.StringComparison.Ordinal) || name == "AddHttpClient")
            {
                return RegisteredLifetime.Transient;
            }

            // AddAWSService<T>(lifetime = Singleton)
            return LifetimeArgument(invocation, RegisteredLifetime.Singleton, "lifetime");
        }

        private static RegisteredLifetime LifetimeArgument(IInvocationOperation? invocation, RegisteredLifetime defaultLifetime, string parameterName)
        {
            if (invocation is null)
            {
                return defaultLifetime;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    if (!ValueResolver.TryResolveEnumMember(argument.Value, out var member, out _))
                    {
                        return RegisteredLifetime.None; // lifetime not known: open
                    }

                    switch (member)
                    {
                        case "Singleton": return RegisteredLifetime.Singleton;
                        case "Scoped": return RegisteredLifetime.Scoped;
                        case "Transient": return RegisteredLifetime.Transient;
                        default: return RegisteredLifetime.None;
                    }
                }
            }

            return defaultLifetime;
        }

        public static ServiceRegistrations Build(Compilation compilation, INamedTypeSymbol? serviceCollection, INamedTypeSymbol? endpointRouteBuilder, CancellationToken cancellationToken)
        {
            var types = new Dictionary<INamedTypeSymbol, RegisteredLifetime>(SymbolEqualityComparer.Default);
            var handlers = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var services = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (serviceCollection is null && endpointRouteBuilder is null)
            {
                return new ServiceRegistrations(types, handlers, services);
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SemanticModel? model = null;
                foreach (var invocationSyntax in CandidateInvocations(tree, serviceCollection != null, endpointRouteBuilder != null, cancellationToken))
                {
                    var name = MethodName(invocationSyntax);
                    var isRegistration = serviceCollection != null && name != null && (RegistrationNames.Contains(name) || name == "AddAWSService");
                    var isMapping = endpointRouteBuilder != null && name != null && EngineNames.IsMapMethod(name) && LooksLikeEndpointMapping(invocationSyntax);
                    if (!isRegistration && !isMapping)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Registrations live in other files than the code being analyzed; this pass runs once per compilation.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (!(model.GetOperation(invocationSyntax, cancellationToken) is IInvocationOperation invocation))
                    {
                        continue;
                    }

                    if (isRegistration)
                    {
                        AddRegistration(invocation, serviceCollection!, types, services);
                    }
                    else if (EngineNames.IsEndpointMapping(invocation.TargetMethod, endpointRouteBuilder!))
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (ValueResolver.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference })
                            {
                                handlers.Add(reference.Method.OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return new ServiceRegistrations(types, handlers, services);
        }

        /// <summary>
        /// The calls of <paramref name="tree"/> named like a registration or a mapping, in document order, reached from
        /// where those names stand in the file's text (a file without any of them costs one table look per name).
        /// </summary>
        private static List<InvocationExpressionSyntax> CandidateInvocations(SyntaxTree tree, bool registrations, bool mappings, CancellationToken cancellationToken)
        {
            var result = new List<InvocationExpressionSyntax>();
            foreach (var words in new[] { registrations ? RegistrationWords : null, mappings ? EngineNames.MapMethodNames : null })
            {
                if (words is null || !SourceTextFilter.MayContainAnyWord(tree, words, cancellationToken))
                {
                    continue;
                }

                foreach (var word in words)
                {
                    foreach (var token in SourceTextFilter.IdentifiersNamed(tree, word, cancellationToken))
                    {
                        var callee = token.Parent is SimpleNameSyntax name ? SourceTextFilter.WrittenExpression(name) : null;
                        if (callee?.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee)
                        {
                            result.Add(invocation);
                        }
                    }
                }
            }

            result.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
            return result;
        }

        private static void AddRegistration(IInvocationOperation invocation, INamedTypeSymbol serviceCollection, Dictionary<INamedTypeSymbol, RegisteredLifetime> types, HashSet<INamedTypeSymbol> services)
        {
            var method = invocation.TargetMethod;
            if (method.TypeArguments.Length > 0 && method.TypeArguments[0] is INamedTypeSymbol serviceType)
            {
                services.Add(serviceType.OriginalDefinition);
            }

            var lifetime = LifetimeOf(method, serviceCollection, invocation);
            if (lifetime == RegisteredLifetime.None || method.Name == "AddAWSService")
            {
                return;
            }

            // Implementation type: the last type argument, a typeof(Impl) argument, or the type a factory / instance argument creates.
            if (method.TypeArguments.Length > 0 && method.TypeArguments[method.TypeArguments.Length - 1] is INamedTypeSymbol typeArgument)
            {
                Add(types, typeArgument, lifetime);
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null || argument.Parameter.Ordinal == 0)
                {
                    continue;
                }

                var value = ValueResolver.Unwrap(argument.Value);
                switch (value)
                {
                    case ITypeOfOperation { TypeOperand: INamedTypeSymbol typeOperand }:
                        Add(types, typeOperand, lifetime);
                        break;
                    case IObjectCreationOperation { Type: INamedTypeSymbol created }:
                        // AddSingleton(new Impl()): created once, at registration.
                        Add(types, created, RegisteredLifetime.Singleton);
                        break;
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                        foreach (var returned in lambda.Body.Descendants())
                        {
                            if (returned is IReturnOperation { ReturnedValue: { } returnedValue }
                                && ValueResolver.Unwrap(returnedValue) is IObjectCreationOperation { Type: INamedTypeSymbol factoryType })
                            {
                                Add(types, factoryType, lifetime);
                            }
                        }

                        break;
                }
            }
        }

        private static void Add(Dictionary<INamedTypeSymbol, RegisteredLifetime> types, INamedTypeSymbol type, RegisteredLifetime lifetime)
        {
            var key = type.OriginalDefinition;
            if (types.TryGetValue(key, out var existing) && existing != RegisteredLifetime.Singleton)
            {
                return; // registered per call somewhere: its constructor does run per call
            }

            types[key] = lifetime;
        }

        /// <summary>
        /// <c>app.MapGet("/route", handler)</c>: called on a receiver, with a route and a lambda or method group. Keeps the
        /// pass from binding every unrelated <c>Map(reader)</c> call, which would re-bind most of a data-access code base.
        /// </summary>
        private static bool LooksLikeEndpointMapping(InvocationExpressionSyntax invocation)
        {
            var arguments = invocation.ArgumentList.Arguments;
            if (!(invocation.Expression is MemberAccessExpressionSyntax) || arguments.Count < 2)
            {
                return false;
            }

            foreach (var argument in arguments)
            {
                if (argument.Expression is AnonymousFunctionExpressionSyntax || argument.Expression is IdentifierNameSyntax || argument.Expression is MemberAccessExpressionSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? MethodName(InvocationExpressionSyntax invocation)
        {
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText;
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }
    }

    internal static class EngineNames
    {
        /// <summary>The minimal-API mapping methods whose delegate is a per-request handler.</summary>
        public static readonly string[] MapMethodNames = { "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback" };

        public static bool IsMapMethod(string name)
        {
            return System.Array.IndexOf(MapMethodNames, name) >= 0;
        }

        /// <summary>A MapGet/MapPost/… extension on IEndpointRouteBuilder (the handler runs per request).</summary>
        public static bool IsEndpointMapping(IMethodSymbol method, INamedTypeSymbol endpointRouteBuilder)
        {
            if (!IsMapMethod(method.Name))
            {
                return false;
            }

            var definition = method.ReducedFrom ?? method;
            return definition.IsExtensionMethod && definition.Parameters.Length > 0 && definition.Parameters[0].Type.IsOrInheritsFrom(endpointRouteBuilder);
        }
    }
}
