using System.Collections.Generic;
using System.Linq;
using DataLayerAnalyzers.Infrastructure.ExecutionContext;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace DataLayerAnalyzers.Tests.Pooling
{
    /// <summary>
    /// The execution-context engine on its own: every <c>new AmazonDynamoDBClient(/*Expected*/)</c> in a source is
    /// classified and compared with the frequency written in its argument list.
    /// </summary>
    public class ExecutionContextEngineTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.DynamoDBv2;
            using Amazon.Lambda.Core;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            """;

        [Fact]
        public void ControllerMembers_ArePerCall()
        {
            Check("""
                [ApiController]
                public class OrdersController : ControllerBase
                {
                    private readonly IAmazonDynamoDB _fromCtor;
                    private readonly IAmazonDynamoDB _fromField = new AmazonDynamoDBClient(/*PerCall*/);
                    public OrdersController() { _fromCtor = new AmazonDynamoDBClient(/*PerCall*/); }
                    [HttpGet] public async Task<IActionResult> Get() { var c = new AmazonDynamoDBClient(/*PerCall*/); await c.ListTablesAsync(); return Ok(); }
                }
                public class PlainController : Controller
                {
                    public IActionResult Index() { using var c = new AmazonDynamoDBClient(/*PerCall*/); return View(); }
                }
                """);
        }

        [Fact]
        public void MinimalApiHandlers_ArePerCall_AndStartupIsOnce()
        {
            Check("""
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        var shared = new AmazonDynamoDBClient(/*Once*/);
                        app.MapGet("/a", () => { var c = new AmazonDynamoDBClient(/*PerCall*/); return c.Config.RegionEndpoint?.SystemName; });
                        app.MapPost("/b", async () => { using var c = new AmazonDynamoDBClient(/*PerCall*/); await c.ListTablesAsync(); });
                        app.MapDelete("/c", Handler);
                    }

                    private static async Task Handler() { var c = new AmazonDynamoDBClient(/*PerCall*/); await c.ListTablesAsync(); }
                }
                """);
        }

        [Fact]
        public void LambdaFunction_HandlerPerCall_ConstructorOnce()
        {
            Check("""
                public class Function
                {
                    private readonly IAmazonDynamoDB _client;
                    private readonly IAmazonDynamoDB _field = new AmazonDynamoDBClient(/*Once*/);
                    public Function() { _client = new AmazonDynamoDBClient(/*Once*/); }
                    public async Task Handle(string input, ILambdaContext context) { var c = new AmazonDynamoDBClient(/*PerCall*/); await c.ListTablesAsync(); }
                }
                """);
        }

        [Fact]
        public void StaticInitializers_LazyAndCaches_AreOnce()
        {
            Check("""
                public class Holder
                {
                    private static readonly IAmazonDynamoDB A = new AmazonDynamoDBClient(/*Once*/);
                    private static IAmazonDynamoDB B { get; } = new AmazonDynamoDBClient(/*Once*/);
                    private static readonly IAmazonDynamoDB C;
                    private static readonly Lazy<IAmazonDynamoDB> L = new Lazy<IAmazonDynamoDB>(() => new AmazonDynamoDBClient(/*Once*/));
                    private static readonly ConcurrentDictionary<string, IAmazonDynamoDB> ByRegion = new();
                    private static IAmazonDynamoDB? _cached;
                    static Holder() { C = new AmazonDynamoDBClient(/*Once*/); }
                    public IAmazonDynamoDB For(string region) => ByRegion.GetOrAdd(region, r => new AmazonDynamoDBClient(/*Once*/ RegionEndpoint.GetBySystemName(r)));
                    public IAmazonDynamoDB Cached() => _cached ??= new AmazonDynamoDBClient(/*Once*/);
                    public void Store(string key) { var c = new AmazonDynamoDBClient(/*Once*/); ByRegion[key] = c; }
                }
                """);
        }

        [Fact]
        public void DiRegistrations_FollowTheirLifetime()
        {
            Check("""
                public class ScopedRepo { private readonly IAmazonDynamoDB _c = new AmazonDynamoDBClient(/*PerCall*/); public ScopedRepo() { var x = new AmazonDynamoDBClient(/*PerCall*/); x.Dispose(); } }
                public class TransientRepo { public TransientRepo() { _ = new AmazonDynamoDBClient(/*PerCall*/); } }
                public class SingletonRepo { private readonly IAmazonDynamoDB _c; public SingletonRepo() { _c = new AmazonDynamoDBClient(/*Once*/); } }
                public class UnknownRepo { private readonly IAmazonDynamoDB _c; public UnknownRepo() { _c = new AmazonDynamoDBClient(/*Open*/); } }
                public interface IRepo { }
                public class FactoryRepo : IRepo { public FactoryRepo(IAmazonDynamoDB c) { } public FactoryRepo() { _ = new AmazonDynamoDBClient(/*PerCall*/); } }
                public static class Registration
                {
                    public static IServiceCollection AddData(this IServiceCollection services)
                    {
                        services.AddScoped<ScopedRepo>();
                        services.AddTransient(typeof(TransientRepo));
                        services.AddSingleton<SingletonRepo>();
                        services.AddScoped<IRepo>(sp => new FactoryRepo());
                        services.AddSingleton<IAmazonDynamoDB>(sp => new AmazonDynamoDBClient(/*Once*/));
                        services.AddScoped<IAmazonDynamoDB>(sp => new AmazonDynamoDBClient(/*PerCall*/));
                        services.AddTransient<IAmazonDynamoDB>(_ => { return new AmazonDynamoDBClient(/*PerCall*/); });
                        services.AddAWSService<IAmazonDynamoDB>();
                        return services;
                    }
                }
                """);
        }

        [Fact]
        public void Loops_ArePerCall_UnlessBuiltFromTheIteration()
        {
            Check("""
                public class Jobs
                {
                    public static async Task Run(string[] tables, string[] regions)
                    {
                        foreach (var t in tables) { using var c = new AmazonDynamoDBClient(/*PerCall*/); await c.DescribeTableAsync(t); }
                        for (var i = 0; i < 3; i++) { var c = new AmazonDynamoDBClient(/*PerCall*/); await c.ListTablesAsync(); }
                        foreach (var r in regions) { using var c = new AmazonDynamoDBClient(/*Open*/ RegionEndpoint.GetBySystemName(r)); await c.ListTablesAsync(); }
                    }
                }
                """);
        }

        [Fact]
        public void FactoriesGettersAndDisposedLocals()
        {
            Check("""
                public class Repo
                {
                    public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient(/*Open*/);
                    public static IAmazonDynamoDB Create2() { var c = new AmazonDynamoDBClient(/*Open*/); return c; }
                    public IAmazonDynamoDB Client => new AmazonDynamoDBClient(/*PerCall*/);
                    public IAmazonDynamoDB Client2 { get { return new AmazonDynamoDBClient(/*PerCall*/); } }
                    public async Task Save() { using var c = new AmazonDynamoDBClient(/*PerCall*/); await c.ListTablesAsync(); }
                    public async Task Save2() { using (var c = new AmazonDynamoDBClient(/*PerCall*/)) { await c.ListTablesAsync(); } }
                    public async Task Save3() { var c = new AmazonDynamoDBClient(/*PerCall*/); await c.ListTablesAsync(); c.Dispose(); }
                    public async Task Unknown() { var c = new AmazonDynamoDBClient(/*Open*/); await c.ListTablesAsync(); }
                    public Func<IAmazonDynamoDB> Maker() => () => new AmazonDynamoDBClient(/*Open*/);
                    public Holder Wrap() => new Holder { Client = new AmazonDynamoDBClient(/*Open*/) };
                    public async Task Wrapped() { using var h = new Holder { Client = new AmazonDynamoDBClient(/*PerCall*/) }; await h.Client.ListTablesAsync(); }
                }
                public sealed class Holder : IDisposable
                {
                    public IAmazonDynamoDB Client { get; set; } = null!;
                    public void Dispose() => Client.Dispose();
                }
                """);
        }

        [Fact]
        public void HostedServiceStart_IsOnce()
        {
            Check("""
                public class Worker : BackgroundService
                {
                    protected override async Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
                    {
                        using var c = new AmazonDynamoDBClient(/*Once*/);
                        while (!stoppingToken.IsCancellationRequested) { using var inner = new AmazonDynamoDBClient(/*PerCall*/); await inner.ListTablesAsync(); }
                    }
                }
                """);
        }

        [Fact]
        public void MainAndTopLevelStatements_AreOnce()
        {
            Check("""
                public static class Program
                {
                    public static async Task Main() { using var c = new AmazonDynamoDBClient(/*Once*/); await c.ListTablesAsync(); }
                }
                """);
            Check("""
                using var c = new AmazonDynamoDBClient(/*Once*/);
                await c.ListTablesAsync();
                """, OutputKind.ConsoleApplication);
        }

        [Fact]
        public void MoreRegistrationShapesAndStartup()
        {
            Check("""
                public class TypedClient { public TypedClient(System.Net.Http.HttpClient http) { _ = new AmazonDynamoDBClient(/*PerCall*/); } }
                public class KeyedRepo { public KeyedRepo() { _ = new AmazonDynamoDBClient(/*PerCall*/); } }
                public class TryRepo { public TryRepo() { _ = new AmazonDynamoDBClient(/*Once*/); } }
                public class Both { public Both() { _ = new AmazonDynamoDBClient(/*PerCall*/); } }
                public class AwsScoped { }
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        using var probe = new AmazonDynamoDBClient(/*Once*/);
                        services.AddHttpClient<TypedClient>();
                        services.AddKeyedScoped<KeyedRepo>("k");
                        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<TryRepo>(services);
                        services.AddSingleton<Both>();
                        services.AddTransient<Both>();
                        services.AddAWSService<IAmazonDynamoDB>(ServiceLifetime.Scoped);
                    }
                }
                public static class HostSetup
                {
                    public static IHostBuilder Configure(IHostBuilder host) { var c = new AmazonDynamoDBClient(/*Once*/); return host; }
                }
                """);
        }

        [Fact]
        public void OneEnginePerCompilation()
        {
            var compilation = CSharpCompilation.Create("Shared", references: TestReferences.Get(ReferenceSet.All));
            Assert.Same(ExecutionContextEngine.For(compilation), ExecutionContextEngine.For(compilation));
            Assert.NotSame(ExecutionContextEngine.For(compilation), ExecutionContextEngine.For(compilation.Clone()));
        }

        private static void Check(string body, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            var tree = CSharpSyntaxTree.ParseText(Usings + body, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create(
                "EngineTest",
                new[] { tree },
                TestReferences.Get(ReferenceSet.All),
                new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));

            var model = compilation.GetSemanticModel(tree);
            var engine = new ExecutionContextEngine(compilation);
            var failures = new List<string>();
            var count = 0;
            foreach (var creation in tree.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            {
                var comment = creation.ArgumentList?.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.MultiLineCommentTrivia)).ToString();
                if (string.IsNullOrEmpty(comment))
                {
                    continue;
                }

                count++;
                var expected = comment!.Trim('/', '*', ' ');
                var operation = model.GetOperation(creation)!;
                var actual = engine.Classify(operation, Member(model, creation), default);
                if (actual.Frequency.ToString() != expected)
                {
                    failures.Add($"{Context(creation)}: expected {expected}, got {actual}");
                }
                else if (actual.Frequency != CodeFrequency.Open && string.IsNullOrEmpty(actual.Reason))
                {
                    failures.Add($"{Context(creation)}: no reason given");
                }
            }

            Assert.True(count > 0, "no marked creation");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        private static string Context(SyntaxNode node)
        {
            var line = node.SyntaxTree.GetText().Lines[node.GetLocation().GetLineSpan().StartLinePosition.Line].ToString().Trim();
            return line.Length > 110 ? line.Substring(0, 110) : line;
        }

        /// <summary>The member whose body holds the node, as OperationAnalysisContext.ContainingSymbol gives it.</summary>
        private static ISymbol Member(SemanticModel model, SyntaxNode node)
        {
            var declarator = node.FirstAncestorOrSelf<VariableDeclaratorSyntax>(d => d.Parent?.Parent is FieldDeclarationSyntax);
            if (declarator != null)
            {
                return model.GetDeclaredSymbol(declarator)!;
            }

            var property = node.FirstAncestorOrSelf<PropertyDeclarationSyntax>(p => p.Initializer != null && p.Initializer.Span.Contains(node.Span));
            if (property != null)
            {
                return model.GetDeclaredSymbol(property)!;
            }

            var symbol = model.GetEnclosingSymbol(node.SpanStart)!;
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol;
        }
    }
}
