using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ExecutionContext
{
    /// <summary>
    /// Answers "does the code that creates this object run per call, once, or can that not be seen?". One instance per
    /// compilation, shared by every rule (<see cref="For"/> at compilation start); thread-safe. Rules call
    /// <c>engine.Classify(context.Operation, context.ContainingSymbol, context.CancellationToken)</c>.
    /// <para>
    /// Per call: controller members (constructors too), minimal-API handlers (lambdas and method groups), Lambda
    /// handlers (a parameter of type <c>ILambdaContext</c>), loop bodies (unless the object depends on the iteration),
    /// methods that create the object and dispose it before returning, property getters that return a new object,
    /// constructors / instance field initializers of classes registered scoped or transient, scoped or transient
    /// registration delegates. Once: static field initializers and static constructors, <c>Lazy&lt;T&gt;</c> in static
    /// fields, singleton registration delegates, constructors of singletons, hosted services and Lambda function classes,
    /// <c>Main</c>, top-level statements, startup code, objects cached in a static field or a dictionary. Open: a
    /// factory method that returns the object, a constructor of a class whose lifetime the compilation does not show.
    /// </para>
    /// </summary>
    internal sealed class ExecutionContextEngine
    {
        /// <summary>How many enclosing object initializers (<c>new A { B = new B { C = … } }</c>) are followed.</summary>
        private const int MaxInitializerNesting = 8;

        private static readonly ConditionalWeakTable<Compilation, ExecutionContextEngine> Engines = new ConditionalWeakTable<Compilation, ExecutionContextEngine>();
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _serviceCollection;
        private readonly INamedTypeSymbol? _endpointRouteBuilder;
        private readonly INamedTypeSymbol? _controllerBase;
        private readonly INamedTypeSymbol? _mvcController;
        private readonly INamedTypeSymbol? _webApiController;
        private readonly INamedTypeSymbol? _nServiceBusHandler;
        private readonly INamedTypeSymbol? _massTransitConsumer;
        private readonly INamedTypeSymbol? _apiControllerAttribute;
        private readonly INamedTypeSymbol? _controllerAttribute;
        private readonly INamedTypeSymbol? _nonControllerAttribute;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _lazy;
        private readonly INamedTypeSymbol? _hostedService;
        private readonly INamedTypeSymbol?[] _startupTypes;
        private readonly ConcurrentDictionary<INamedTypeSymbol, TypeRole> _roles = new ConcurrentDictionary<INamedTypeSymbol, TypeRole>(SymbolEqualityComparer.Default);
        private readonly object _registrationsGate = new object();
        private ServiceRegistrations? _registrations;
        private readonly object _callGraphGate = new object();
        private CallGraph? _callGraph;
        private readonly ConcurrentDictionary<ISymbol, CodeContext> _fromCallGraph = new ConcurrentDictionary<ISymbol, CodeContext>(SymbolEqualityComparer.Default);

        /// <summary>Nesting of call-graph questions on this thread (a class built by a class built by …): bounded.</summary>
        [System.ThreadStatic]
        private static int _callGraphDepth;

        /// <summary>Sites one top-level question may classify in all (nested questions included): the work stays linear.</summary>
        [System.ThreadStatic]
        private static int _callGraphBudget;

        /// <summary>The questions being answered on this thread, to meet a cycle as open.</summary>
        [System.ThreadStatic]
        private static System.Collections.Generic.HashSet<ISymbol>? _callGraphQuestions;

        private const int MaxCallGraphDepth = 3;

        private const int CallGraphBudget = 24;

        public ExecutionContextEngine(Compilation compilation)
        {
            _compilation = compilation;
            _serviceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
            _endpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            _controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            _mvcController = compilation.GetTypeByMetadataName("System.Web.Mvc.Controller");
            _webApiController = compilation.GetTypeByMetadataName("System.Web.Http.ApiController");
            _nServiceBusHandler = compilation.GetTypeByMetadataName("NServiceBus.IHandleMessages`1");
            _massTransitConsumer = compilation.GetTypeByMetadataName("MassTransit.IConsumer`1");
            _apiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            _controllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            _nonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            _lambdaContext = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext");
            _lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
            _hostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
            _startupTypes = new[]
            {
                _serviceCollection,
                compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder"),
                compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder"),
                compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder"),
                compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostBuilder"),
                compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostApplicationBuilder"),
                _endpointRouteBuilder,
            };
        }

        /// <summary>The engine of <paramref name="compilation"/>: one per compilation for all rules, so the DI scan runs once.</summary>
        public static ExecutionContextEngine For(Compilation compilation)
        {
            return Engines.GetValue(compilation, c => new ExecutionContextEngine(c));
        }

        private enum TypeRole
        {
            Plain,
            Controller,
            MessageHandler,
            LambdaFunction,
            HostedService,
        }

        /// <summary>
        /// Classifies the code that creates <paramref name="created"/> (an object creation or a factory call such as
        /// <c>NpgsqlDataSource.Create</c>). <paramref name="containingSymbol"/> is the member whose body holds it
        /// (<c>OperationContext.ContainingSymbol</c>).
        /// </summary>
        public CodeContext Classify(IOperation created, ISymbol containingSymbol, CancellationToken cancellationToken)
            => Classify(created, containingSymbol, 0, cancellationToken);

        private CodeContext Classify(IOperation created, ISymbol containingSymbol, int nesting, CancellationToken cancellationToken)
        {
            var value = SkipValuePreserving(created);
            var disposed = false;
            var parent = value.Parent;
            switch (parent)
            {
                case IFieldInitializerOperation fieldInitializer:
                    return fieldInitializer.InitializedFields.Length > 0 && fieldInitializer.InitializedFields[0].IsStatic
                        ? Once("in a static field initializer")
                        : ClassLifetime(fieldInitializer.InitializedFields.Length > 0 ? fieldInitializer.InitializedFields[0].ContainingType : null, "in a field initializer", cancellationToken);

                case IPropertyInitializerOperation propertyInitializer:
                    return propertyInitializer.InitializedProperties.Length > 0 && propertyInitializer.InitializedProperties[0].IsStatic
                        ? Once("in a static property initializer")
                        : ClassLifetime(propertyInitializer.InitializedProperties.Length > 0 ? propertyInitializer.InitializedProperties[0].ContainingType : null, "in a property initializer", cancellationToken);

                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } }, Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation outer } } assignment
                    when assignment.Value == value:
                    // new Holder { Client = new XClient() }: lives as long as the holder (followed through a few holders).
                    return nesting < MaxInitializerNesting ? Classify(outer, containingSymbol, nesting + 1, cancellationToken) : CodeContext.Open;

                case ISimpleAssignmentOperation assignment when assignment.Value == value && !(assignment.Target is IDiscardOperation):
                    return ClassifyStore(assignment.Target, containingSymbol, cancellationToken);

                case ICompoundAssignmentOperation _:
                    return CodeContext.Open;

                case ICoalesceAssignmentOperation coalesce when coalesce.Value == value:
                    return ClassifyStore(coalesce.Target, containingSymbol, cancellationToken);

                case IReturnOperation ret:
                    {
                        var decided = ClassifyReturn(ret, containingSymbol, cancellationToken, out var result);
                        if (decided)
                        {
                            return result;
                        }

                        break;
                    }

                case IArgumentOperation argument when IsCacheStore(argument.Parent):
                    return ClassifyCacheOwner(argument.Parent!, containingSymbol, cancellationToken);

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    {
                        var usage = LocalUsage.Analyze(declarator, cancellationToken);
                        if (usage.StoredInto != null)
                        {
                            return ClassifyStore(usage.StoredInto, containingSymbol, cancellationToken);
                        }

                        if (usage.ReturnedBy != null)
                        {
                            if (ClassifyReturn(usage.ReturnedBy, containingSymbol, cancellationToken, out var result))
                            {
                                return result;
                            }
                        }

                        if (usage.Escapes || (usage.Captured && !usage.Disposed))
                        {
                            return CodeContext.Open;
                        }

                        disposed = usage.Disposed;
                        break;
                    }
            }

            return ClassifyCode(created, value, containingSymbol, disposed, cancellationToken);
        }

        /// <summary>Walks from the code up to its member: loops, lambdas, then the member itself.</summary>
        private CodeContext ClassifyCode(IOperation created, IOperation start, ISymbol containingSymbol, bool disposed, CancellationToken cancellationToken)
        {
            var previous = start;
            for (var current = start.Parent; current != null; previous = current, current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation loop when IsRepeatedPart(loop, previous):
                        if (!DependsOnIteration(created, loop))
                        {
                            return PerCall("inside a loop, on every iteration");
                        }

                        // One object per value of the iteration (a client per region): a repeat only when the code around
                        // the loop itself runs per call (a handler, a controller); once at startup, or in a method whose
                        // frequency is not seen, it is one client per value, which is fine. Disposal says nothing here.
                        var around = ClassifyCode(created, loop, containingSymbol, disposed: false, cancellationToken);
                        return around.IsPerCall ? PerCall("inside a loop, once per iteration value, " + around.Reason) : CodeContext.Open;

                    case IAnonymousFunctionOperation lambda:
                        if (ClassifyLambda(lambda, containingSymbol, cancellationToken, out var result))
                        {
                            return result;
                        }

                        break;
                }
            }

            return ClassifyMember(containingSymbol, disposed, cancellationToken);
        }

        private CodeContext ClassifyMember(ISymbol symbol, bool disposed, CancellationToken cancellationToken)
        {
            switch (symbol)
            {
                case IFieldSymbol field:
                    return field.IsStatic ? Once("in a static field initializer") : ClassLifetime(field.ContainingType, "in a field initializer", cancellationToken);

                case IPropertySymbol property:
                    return property.IsStatic ? Once("in a static property initializer") : ClassLifetime(property.ContainingType, "in a property initializer", cancellationToken);

                case IMethodSymbol method:
                    return ClassifyMethod(method, disposed, cancellationToken);

                default:
                    return CodeContext.Open;
            }
        }

        private CodeContext ClassifyMethod(IMethodSymbol method, bool disposed, CancellationToken cancellationToken)
        {
            if (method.MethodKind == MethodKind.StaticConstructor)
            {
                return Once("in a static constructor");
            }

            if (IsEntryPoint(method) || IsStartup(method))
            {
                return Once("at startup");
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return CodeContext.Open;
            }

            if (HasLambdaContextParameter(method))
            {
                return PerCall($"in Lambda function handler '{method.Name}', on every invocation");
            }

            var role = RoleOf(type);
            if (role == TypeRole.Controller)
            {
                return method.MethodKind == MethodKind.Constructor
                    ? PerCall($"in the constructor of controller '{type.Name}', which is created for every request")
                    : PerCall($"in controller method '{MemberName(method)}', on every request");
            }

            if (role == TypeRole.MessageHandler)
            {
                if (method.MethodKind == MethodKind.Constructor)
                {
                    return PerCall($"in the constructor of message handler '{type.Name}', which is created for every message");
                }

                if (method.Name == "Handle" || method.Name == "Consume")
                {
                    return PerCall($"in message handler '{type.Name}.{method.Name}', on every message");
                }
            }

            if (method.MethodKind == MethodKind.Constructor)
            {
                return ClassLifetime(type, "in the constructor", cancellationToken);
            }

            if (role == TypeRole.HostedService && (method.Name == "ExecuteAsync" || method.Name == "StartAsync"))
            {
                return Once("in a hosted service's start method");
            }

            if (disposed)
            {
                return RunsOnlyAtStartup(method, cancellationToken)
                    ? Once($"in '{MemberName(method)}', which only startup code calls")
                    : PerCall($"and disposed in every call of '{MemberName(method)}'");
            }

            if (method.MethodKind == MethodKind.Ordinary && GetRegistrations(cancellationToken).IsEndpointHandler(method))
            {
                return PerCall($"in minimal API handler '{method.Name}', on every request");
            }

            return CodeContext.Open;
        }

        /// <summary>The object is stored into <paramref name="target"/>: it lives as long as the owner of that storage.</summary>
        private CodeContext ClassifyStore(IOperation target, ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            switch (ValueResolver.Unwrap(target))
            {
                case IFieldReferenceOperation field:
                    return field.Field.IsStatic
                        ? Once("and cached in a static field")
                        : OwnerLifetime(field.Instance, containingSymbol, cancellationToken);

                case IPropertyReferenceOperation property when property.Property.IsIndexer:
                    return ClassifyCacheInstance(property.Instance, containingSymbol, cancellationToken);

                case IInvocationOperation cache when IsCacheStore(cache):
                    return ClassifyCacheOwner(cache, containingSymbol, cancellationToken);

                case IPropertyReferenceOperation property:
                    return property.Property.IsStatic
                        ? Once("and cached in a static property")
                        : OwnerLifetime(property.Instance, containingSymbol, cancellationToken);

                default:
                    return CodeContext.Open;
            }
        }

        /// <summary>An instance field of <c>this</c>: the object lives as long as the class instance.</summary>
        private CodeContext OwnerLifetime(IOperation? instance, ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } && containingSymbol.ContainingType is { } type)
            {
                return ClassLifetime(type, "and stored in an instance", cancellationToken);
            }

            return CodeContext.Open;
        }

        private bool ClassifyReturn(IReturnOperation ret, ISymbol containingSymbol, CancellationToken cancellationToken, out CodeContext result)
        {
            for (var current = ret.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        if (ClassifyLambda(lambda, containingSymbol, cancellationToken, out result))
                        {
                            return true;
                        }

                        result = CodeContext.Open; // a delegate that returns the object: its callers decide
                        return true;

                    case ILocalFunctionOperation _:
                        result = CodeContext.Open;
                        return true;
                }
            }

            if (containingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet } getter)
            {
                result = PerCall($"in property getter '{MemberName(getter)}', on every read");
                return true;
            }

            result = CodeContext.Open; // a factory method: the caller decides how often
            return true;
        }

        /// <summary>
        /// A lambda that is a DI registration delegate, a minimal-API handler or a cache's value factory decides the
        /// frequency; a lambda passed to any other method runs within the caller (keep walking); a stored delegate is open.
        /// </summary>
        private bool ClassifyLambda(IAnonymousFunctionOperation lambda, ISymbol containingSymbol, CancellationToken cancellationToken, out CodeContext result)
        {
            result = CodeContext.Open;
            if (_lambdaContext != null && HasLambdaContextParameter(lambda.Symbol))
            {
                // A Lambda handler written as a lambda (top-level statements handing it to LambdaBootstrapBuilder).
                result = PerCall("in a Lambda function handler lambda, on every invocation");
                return true;
            }

            var parent = lambda.Parent;
            while (parent is IDelegateCreationOperation || parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (!(parent is IArgumentOperation argument))
            {
                return true; // stored or invoked elsewhere
            }

            switch (argument.Parent)
            {
                case IInvocationOperation invocation:
                    {
                        var method = invocation.TargetMethod;
                        if (_serviceCollection != null)
                        {
                            switch (ServiceRegistrations.LifetimeOf(method, _serviceCollection, invocation))
                            {
                                case RegisteredLifetime.Singleton:
                                    result = Once("in a singleton registration delegate");
                                    return true;
                                case RegisteredLifetime.Scoped:
                                    result = PerCall("in a scoped registration delegate, on every resolve");
                                    return true;
                                case RegisteredLifetime.Transient:
                                    result = PerCall("in a transient registration delegate, on every resolve");
                                    return true;
                            }
                        }

                        if (_endpointRouteBuilder != null && EngineNames.IsEndpointMapping(method, _endpointRouteBuilder))
                        {
                            result = PerCall("in a minimal API handler, on every request");
                            return true;
                        }

                        if (IsCacheStore(invocation))
                        {
                            result = ClassifyCacheOwner(invocation, containingSymbol, cancellationToken);
                            return true;
                        }

                        return false;
                    }

                case IObjectCreationOperation creation when creation.Type.Is(_lazy):
                    {
                        var holder = SkipValuePreserving(creation).Parent;
                        switch (holder)
                        {
                            case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length > 0:
                                result = fieldInitializer.InitializedFields[0].IsStatic
                                    ? Once("in a Lazy<T> held in a static field")
                                    : ClassLifetime(fieldInitializer.InitializedFields[0].ContainingType, "in a Lazy<T> held by an instance", cancellationToken);
                                return true;
                            case ISimpleAssignmentOperation assignment:
                                result = ClassifyStore(assignment.Target, containingSymbol, cancellationToken);
                                return true;
                            default:
                                return true;
                        }
                    }

                default:
                    return false;
            }
        }

        private static bool IsCacheStore(IOperation? operation)
        {
            if (!(operation is IInvocationOperation invocation))
            {
                return false;
            }

            switch (invocation.TargetMethod.Name)
            {
                case "GetOrAdd":
                case "AddOrUpdate":
                case "TryAdd":
                case "Add":
                case "GetOrCreate":
                case "GetOrCreateAsync":
                case "Set":
                    return invocation.Instance != null || invocation.TargetMethod.IsExtensionMethod;
                default:
                    return false;
            }
        }

        private CodeContext ClassifyCacheOwner(IOperation operation, ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            var invocation = (IInvocationOperation)operation;
            var instance = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            return ClassifyCacheInstance(instance, containingSymbol, cancellationToken);
        }

        private CodeContext ClassifyCacheInstance(IOperation? instance, ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            switch (ValueResolver.Unwrap(instance))
            {
                case IFieldReferenceOperation field:
                    return field.Field.IsStatic ? Once("and cached in a static collection") : OwnerLifetime(field.Instance, containingSymbol, cancellationToken);
                case IPropertyReferenceOperation property when !property.Property.IsIndexer:
                    return property.Property.IsStatic ? Once("and cached in a static collection") : OwnerLifetime(property.Instance, containingSymbol, cancellationToken);
                case IParameterReferenceOperation _:
                    return Once("and cached"); // an injected cache (IMemoryCache, a shared dictionary)
                default:
                    return CodeContext.Open;
            }
        }

        /// <summary>Constructors and instance initializers run as often as the class is instantiated.</summary>
        private CodeContext ClassLifetime(INamedTypeSymbol? type, string where, CancellationToken cancellationToken)
        {
            if (type is null)
            {
                return CodeContext.Open;
            }

            switch (RoleOf(type))
            {
                case TypeRole.Controller:
                    return PerCall($"{where} of controller '{type.Name}', which is created for every request");
                case TypeRole.MessageHandler:
                    return PerCall($"{where} of message handler '{type.Name}', which is created for every message");
                case TypeRole.LambdaFunction:
                    return Once($"{where} of Lambda function class '{type.Name}'");
                case TypeRole.HostedService:
                    return Once($"{where} of hosted service '{type.Name}'");
            }

            if (type.IsStatic)
            {
                return Once($"{where} of static class '{type.Name}'");
            }

            switch (GetRegistrations(cancellationToken).GetLifetime(type))
            {
                case RegisteredLifetime.Singleton:
                    return Once($"{where} of '{type.Name}', registered as a singleton");
                case RegisteredLifetime.Scoped:
                    return PerCall($"{where} of '{type.Name}', which is registered as scoped and built for every request");
                case RegisteredLifetime.Transient:
                    return PerCall($"{where} of '{type.Name}', which is registered as transient and built on every resolve");
                default:
                    var built = BuiltPerCall(type, cancellationToken);
                    return built.IsPerCall ? PerCall($"{where} of '{type.Name}', which is built {built.Reason}") : CodeContext.Open;
            }
        }

        /// <summary>
        /// A class the container does not build, constructed (<c>new T(…)</c>) only from code that runs per call: a
        /// controller that builds a service that builds a driver. Open when any construction is not per call or none is seen.
        /// </summary>
        private CodeContext BuiltPerCall(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            return AskCallGraph(type, cancellationToken, (graph, sites) =>
            {
                if (!graph.TryGetConstructions(type, sites, cancellationToken) || sites.Count == 0)
                {
                    return CodeContext.Open;
                }

                var first = CodeContext.Open;
                foreach (var site in sites)
                {
                    if (--_callGraphBudget < 0)
                    {
                        return CodeContext.Open;
                    }

                    var where = Classify(site.Operation, site.Member, cancellationToken);
                    if (!where.IsPerCall)
                    {
                        return CodeContext.Open;
                    }

                    if (!first.IsPerCall)
                    {
                        first = where;
                    }
                }

                return first;
            });
        }

        /// <summary>
        /// True when every call of (and reference to) <paramref name="method"/> is in <c>Main</c>, top-level statements,
        /// startup code or a method that itself only startup code calls: a one-shot tool's <c>RunAsync</c>. Only in an
        /// application, or for a method no other assembly can call.
        /// </summary>
        private bool RunsOnlyAtStartup(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var outputKind = _compilation.Options.OutputKind;
            var application = outputKind == OutputKind.ConsoleApplication || outputKind == OutputKind.WindowsApplication;
            if (!application && method.DeclaredAccessibility != Accessibility.Private && method.DeclaredAccessibility != Accessibility.Internal)
            {
                return false;
            }

            return AskCallGraph(method, cancellationToken, (graph, sites) =>
            {
                if (!graph.TryGetCallers(method, sites, cancellationToken) || sites.Count == 0)
                {
                    return CodeContext.Open;
                }

                foreach (var site in sites)
                {
                    if (--_callGraphBudget < 0)
                    {
                        return CodeContext.Open;
                    }

                    if (!(site.Member is IMethodSymbol caller)
                        || !(IsEntryPoint(caller) || IsStartup(caller) || (!SymbolEqualityComparer.Default.Equals(caller, method) && RunsOnlyAtStartup(caller, cancellationToken))))
                    {
                        return CodeContext.Open;
                    }
                }

                return Once("at startup");
            }).IsOnce;
        }

        /// <summary>
        /// One call-graph answer per symbol and compilation, nested at most <see cref="MaxCallGraphDepth"/> deep. Only
        /// top-level answers are kept, and a nested question never reads them: an answer then depends on the symbol alone,
        /// not on which question the analyzer threads happened to ask first (the same findings on every run).
        /// </summary>
        private CodeContext AskCallGraph(ISymbol symbol, CancellationToken cancellationToken, System.Func<CallGraph, System.Collections.Generic.List<CallGraph.Site>, CodeContext> question)
        {
            var topLevel = _callGraphDepth == 0;
            if (topLevel && _fromCallGraph.TryGetValue(symbol, out var known))
            {
                return known;
            }

            if (_callGraphDepth >= MaxCallGraphDepth || (!topLevel && _callGraphBudget <= 0))
            {
                return CodeContext.Open;
            }

            // A question met again while it is being answered on this thread (a cycle) is open.
            var inProgress = _callGraphQuestions ??= new System.Collections.Generic.HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(symbol))
            {
                return CodeContext.Open;
            }

            if (topLevel)
            {
                _callGraphBudget = CallGraphBudget;
            }

            _callGraphDepth++;
            try
            {
                var answer = question(GetCallGraph(), new System.Collections.Generic.List<CallGraph.Site>());
                if (_callGraphBudget < 0)
                {
                    answer = CodeContext.Open; // cut short: the same for every run, since the budget starts full for each top-level question
                }

                if (topLevel)
                {
                    _fromCallGraph.TryAdd(symbol, answer);
                }

                return answer;
            }
            finally
            {
                _callGraphDepth--;
                inProgress.Remove(symbol);
            }
        }

        private CallGraph GetCallGraph()
        {
            return OnceBuilt.Get(ref _callGraph, _callGraphGate, _compilation, static c => CallGraph.Build(c));
        }

        /// <summary>
        /// True when instances of <paramref name="type"/> are built by the DI container (a controller, or a class
        /// registered in the compilation), so a constructor parameter will be injected.
        /// </summary>
        public bool IsBuiltByContainer(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            return RoleOf(type) == TypeRole.Controller || GetRegistrations(cancellationToken).GetLifetime(type) != RegisteredLifetime.None;
        }

        /// <summary>True when the compilation registers <paramref name="serviceType"/> with the DI container.</summary>
        public bool IsServiceRegistered(INamedTypeSymbol serviceType, CancellationToken cancellationToken)
        {
            return GetRegistrations(cancellationToken).IsServiceRegistered(serviceType);
        }

        private TypeRole RoleOf(INamedTypeSymbol type)
        {
            return _roles.GetOrAdd(type.OriginalDefinition, ComputeRole);
        }

        private TypeRole ComputeRole(INamedTypeSymbol type)
        {
            if (IsController(type))
            {
                return TypeRole.Controller;
            }

            if (!type.IsAbstract && (ImplementsGeneric(type, _nServiceBusHandler) || ImplementsGeneric(type, _massTransitConsumer)))
            {
                return TypeRole.MessageHandler;
            }

            if (_lambdaContext != null)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method && HasLambdaContextParameter(method))
                    {
                        return TypeRole.LambdaFunction;
                    }
                }
            }

            if (_hostedService != null && type.IsOrInheritsFrom(_hostedService))
            {
                return TypeRole.HostedService;
            }

            return TypeRole.Plain;
        }

        private bool IsController(INamedTypeSymbol type)
        {
            if (type.IsAbstract || type.TypeKind != TypeKind.Class)
            {
                return false;
            }

            if (_controllerBase != null && type.IsOrDerivesFrom(_controllerBase))
            {
                return !HasAttribute(type, _nonControllerAttribute);
            }

            // ASP.NET MVC 5 and Web API 2 on .NET Framework build a controller for every request too.
            if (type.IsOrDerivesFrom(_mvcController) || type.IsOrDerivesFrom(_webApiController))
            {
                return true;
            }

            return (HasAttribute(type, _apiControllerAttribute) || HasAttribute(type, _controllerAttribute)) && !HasAttribute(type, _nonControllerAttribute);
        }

        private static bool ImplementsGeneric(INamedTypeSymbol type, INamedTypeSymbol? genericInterface)
        {
            if (genericInterface is null)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, genericInterface))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var data in current.GetAttributes())
                {
                    if (data.AttributeClass.IsOrDerivesFrom(attribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool HasLambdaContextParameter(IMethodSymbol method)
        {
            if (_lambdaContext is null)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.IsOrInheritsFrom(_lambdaContext))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEntryPoint(IMethodSymbol method)
        {
            return (method.IsStatic && method.Name == "Main") || method.Name == "<Main>$";
        }

        private bool IsStartup(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                foreach (var startupType in _startupTypes)
                {
                    if (startupType != null && parameter.Type.IsOrInheritsFrom(startupType))
                    {
                        return true;
                    }
                }
            }

            return (method.Name == "ConfigureServices" || method.Name == "Configure") && method.ContainingType?.Name == "Startup";
        }

        private ServiceRegistrations GetRegistrations(CancellationToken cancellationToken)
        {
            return OnceBuilt.Get(ref _registrations, _registrationsGate, (this, cancellationToken),
                static s => ServiceRegistrations.Build(s.Item1._compilation, s.Item1._serviceCollection, s.Item1._endpointRouteBuilder, s.cancellationToken));
        }

        private static bool IsRepeatedPart(ILoopOperation loop, IOperation child)
        {
            if (loop.Body == child)
            {
                return true;
            }

            switch (loop)
            {
                case IWhileLoopOperation whileLoop:
                    return whileLoop.Condition == child;
                case IForLoopOperation forLoop:
                    return forLoop.Condition == child || forLoop.AtLoopBottom.Contains(child);
                default:
                    return false;
            }
        }

        /// <summary>True when the object is built from a value of the iteration (one client per region is not a repeat).</summary>
        private static bool DependsOnIteration(IOperation created, ILoopOperation loop)
        {
            var span = loop.Syntax.Span;
            foreach (var operation in created.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation local)
                {
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (reference.SyntaxTree == loop.Syntax.SyntaxTree && span.Contains(reference.Span))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>Climbs conversions, parentheses and awaits that pass the created object on unchanged.</summary>
        private static IOperation SkipValuePreserving(IOperation operation)
        {
            while (operation.Parent is IConversionOperation || operation.Parent is IParenthesizedOperation || operation.Parent is IAwaitOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        private static string MemberName(IMethodSymbol method)
        {
            return method.AssociatedSymbol?.Name ?? method.Name;
        }

        private static CodeContext Once(string reason) => new CodeContext(CodeFrequency.Once, reason);

        private static CodeContext PerCall(string reason) => new CodeContext(CodeFrequency.PerCall, reason);
    }
}
