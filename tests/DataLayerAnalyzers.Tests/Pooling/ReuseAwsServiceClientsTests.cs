using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Pooling.ReuseAwsServiceClientsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Pooling
{
    public class ReuseAwsServiceClientsTests
    {
        [Fact]
        public async Task ClientInControllerAction_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public class OrdersController : ControllerBase
                {
                    [HttpGet]
                    public async Task<IActionResult> Get()
                    {
                        var client = {|#0:new AmazonDynamoDBClient()|};
                        await client.ListTablesAsync();
                        return Ok();
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient", "in controller method 'Get', on every request"));
        }

        [Fact]
        public async Task ClientInControllerConstructor_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : Controller
                {
                    private readonly IAmazonDynamoDB _client;
                    public OrdersController() { _client = [|new AmazonDynamoDBClient()|]; }
                }
                """);
        }

        [Fact]
        public async Task ClientInMinimalApiHandler_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Builder;

                public static class Endpoints
                {
                    public static void MapOrders(WebApplication app)
                    {
                        app.MapGet("/orders", async () =>
                        {
                            using var client = [|new AmazonDynamoDBClient()|];
                            return (await client.ListTablesAsync()).TableNames;
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task SecretsManagerClientInLambdaHandler_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.SecretsManager;
                using Amazon.SecretsManager.Model;

                public class Function
                {
                    public async Task<string> Handler(string input, ILambdaContext context)
                    {
                        var client = {|#0:new AmazonSecretsManagerClient()|};
                        var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "db" });
                        return response.SecretString;
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonSecretsManagerClient", "in Lambda function handler 'Handler', on every invocation"));
        }

        [Fact]
        public async Task ClientInLoop_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;

                public class Importer
                {
                    public static async Task Run(string[] tables)
                    {
                        foreach (var table in tables)
                        {
                            using var client = [|new AmazonDynamoDBClient()|];
                            await client.DescribeTableAsync(table);
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task CreatedAndDisposedInRepositoryMethod_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                public class OrderRepository
                {
                    public async Task<GetItemResponse> Find(GetItemRequest request)
                    {
                        using (var client = {|#0:new AmazonDynamoDBClient()|})
                        {
                            return await client.GetItemAsync(request);
                        }
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient", "and disposed in every call of 'Find'"));
        }

        [Fact]
        public async Task ExpressionBodiedProperty_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;

                public class OrderRepository
                {
                    private IAmazonDynamoDB Client => [|new AmazonDynamoDBClient()|];
                }
                """);
        }

        [Fact]
        public async Task ScopedServiceConstructorAndScopedDelegate_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Microsoft.Extensions.DependencyInjection;

                public class OrderRepository
                {
                    private readonly IAmazonDynamoDB _client = {|#0:new AmazonDynamoDBClient()|};
                }

                public static class Registration
                {
                    public static void AddData(IServiceCollection services)
                    {
                        services.AddScoped<OrderRepository>();
                        services.AddTransient<IAmazonDynamoDB>(_ => [|new AmazonDynamoDBClient()|]);
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient", "in a field initializer of 'OrderRepository', which is registered as scoped and built for every request"));
        }

        [Fact]
        public async Task DynamoDBContextShapes_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private static readonly IAmazonDynamoDB Client = new AmazonDynamoDBClient();

                    public IActionResult Get()
                    {
                        var a = {|#0:new DynamoDBContext(Client)|};
                        var b = {|#1:new DynamoDBContextBuilder().WithDynamoDBClient(() => Client).Build()|};
                        return Ok();
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("DynamoDBContext", "in controller method 'Get', on every request"),
                VerifyCS.Diagnostic("DLA4002").WithLocation(1).WithArguments("DynamoDBContext", "in controller method 'Get', on every request"));
        }

        [Fact]
        public async Task LongLivedPlaces_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.Core;
                using Microsoft.Extensions.DependencyInjection;

                public class Function
                {
                    private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();
                    private static readonly Lazy<IAmazonDynamoDB> LazyClient = new Lazy<IAmazonDynamoDB>(() => new AmazonDynamoDBClient());
                    private readonly IAmazonDynamoDB _client;

                    public Function() { _client = new AmazonDynamoDBClient(); }

                    public Task Handler(string input, ILambdaContext context) => _client.ListTablesAsync();
                }

                public class CatalogCache
                {
                    private readonly IAmazonDynamoDB _client;
                    public CatalogCache() { _client = new AmazonDynamoDBClient(); }
                }

                public static class Registration
                {
                    public static void AddData(IServiceCollection services)
                    {
                        services.AddSingleton<CatalogCache>();
                        services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
                        services.AddAWSService<IAmazonDynamoDB>();
                    }
                }
                """);
        }

        [Fact]
        public async Task FactoryMethodAndUnknownLifetime_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;

                public static class ClientFactory
                {
                    public static IAmazonDynamoDB Create(RegionEndpoint region) => new AmazonDynamoDBClient(region);
                }

                public class RegisteredElsewhere
                {
                    private readonly IAmazonDynamoDB _client;
                    public RegisteredElsewhere() { _client = new AmazonDynamoDBClient(); }
                }

                public class Probe
                {
                    public async Task Check() { var client = new AmazonDynamoDBClient(); await client.ListTablesAsync(); }

                    public async Task PerRegion(string[] regions)
                    {
                        foreach (var region in regions)
                        {
                            using var client = new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region));
                            await client.ListTablesAsync();
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task TopLevelStatements_NoDiagnostic()
        {
            var test = new AnalyzerTest<ReuseAwsServiceClientsAnalyzer>
            {
                TestCode = """
                    using Amazon.DynamoDBv2;
                    using Microsoft.AspNetCore.Builder;
                    using Microsoft.Extensions.DependencyInjection;

                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient());
                    using var migrations = new AmazonDynamoDBClient();
                    await migrations.ListTablesAsync();
                    var app = builder.Build();
                    app.MapGet("/", (IAmazonDynamoDB db) => db.ListTablesAsync());
                    app.Run();
                    """,
                OutputKind = OutputKind.ConsoleApplication,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task NoAwsSdk_NoDiagnostic()
        {
            var test = new AnalyzerTest<ReuseAwsServiceClientsAnalyzer>
            {
                TestCode = """
                    public class AmazonDynamoDBClient { }
                    public class C { public void M() { for (var i = 0; i < 2; i++) { var c = new AmazonDynamoDBClient(); } } }
                    """,
                References = ReferenceSet.FrameworkOnly,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task UsingDeclarationInAction_Fixes()
        {
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    public async Task<IActionResult> Get()
                    {
                        using var client = [|new AmazonDynamoDBClient(RegionEndpoint.EUWest1)|];
                        var tables = await client.ListTablesAsync();
                        return Ok(tables.TableNames);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private static readonly AmazonDynamoDBClient SharedDynamoDBClient = new AmazonDynamoDBClient(RegionEndpoint.EUWest1);

                    public async Task<IActionResult> Get()
                    {
                        var client = SharedDynamoDBClient;
                        var tables = await client.ListTablesAsync();
                        return Ok(tables.TableNames);
                    }
                }
                """);
        }

        [Fact]
        public async Task UsingStatementAndDisposeCall_Fixes()
        {
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                public class OrderRepository
                {
                    public async Task<GetItemResponse> Find(GetItemRequest request)
                    {
                        using (var client = [|new AmazonDynamoDBClient()|])
                        {
                            return await client.GetItemAsync(request);
                        }
                    }

                    public async Task Save(PutItemRequest request)
                    {
                        var client = [|new AmazonDynamoDBClient()|];
                        await client.PutItemAsync(request);
                        client.Dispose();
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                public class OrderRepository
                {
                    private static readonly AmazonDynamoDBClient SharedDynamoDBClient = new AmazonDynamoDBClient();

                    public async Task<GetItemResponse> Find(GetItemRequest request)
                    {
                        var client = SharedDynamoDBClient;
                        return await client.GetItemAsync(request);
                    }

                    public async Task Save(PutItemRequest request)
                    {
                        var client = SharedDynamoDBClient;
                        await client.PutItemAsync(request);
                    }
                }
                """);
        }

        [Fact]
        public async Task TwoDifferentClientsInController_FixAll()
        {
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.SecretsManager;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private readonly IAmazonDynamoDB _east;
                    private readonly IAmazonDynamoDB _west = [|new AmazonDynamoDBClient(RegionEndpoint.USWest2)|];
                    private readonly IAmazonSecretsManager _secrets;

                    public OrdersController()
                    {
                        _east = [|new AmazonDynamoDBClient(RegionEndpoint.USEast1)|];
                        _secrets = [|new AmazonSecretsManagerClient()|];
                    }
                }
                """, """
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.SecretsManager;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private static readonly AmazonDynamoDBClient SharedDynamoDBClient = new AmazonDynamoDBClient(RegionEndpoint.USWest2);
                    private static readonly AmazonDynamoDBClient SharedDynamoDBClient2 = new AmazonDynamoDBClient(RegionEndpoint.USEast1);
                    private static readonly AmazonSecretsManagerClient SharedSecretsManagerClient = new AmazonSecretsManagerClient();
                    private readonly IAmazonDynamoDB _east;
                    private readonly IAmazonDynamoDB _west = SharedDynamoDBClient;
                    private readonly IAmazonSecretsManager _secrets;

                    public OrdersController()
                    {
                        _east = SharedDynamoDBClient2;
                        _secrets = SharedSecretsManagerClient;
                    }
                }
                """);
        }

        [Fact]
        public async Task CreationNeedsParameter_NoFix()
        {
            const string source = """
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    public async Task<IActionResult> Get(string region)
                    {
                        using var client = [|new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region))|];
                        await client.ListTablesAsync();
                        return Ok();
                    }
                }
                """;
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>(source, source);
        }
    
        [Fact]
        public async Task ControllerWithRegisteredClient_FixesWithConstructorInjection()
        {
            var test = new CodeFixTest<ReuseAwsServiceClientsAnalyzer, ReuseAwsServiceClientsFixer>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;
                    using Microsoft.AspNetCore.Mvc;
                    using Microsoft.Extensions.DependencyInjection;

                    public static class Startup
                    {
                        public static void AddData(IServiceCollection services) => services.AddAWSService<IAmazonDynamoDB>();
                    }

                    public class OrdersController : ControllerBase
                    {
                        public async Task<IActionResult> List()
                        {
                            using var client = [|new AmazonDynamoDBClient()|];
                            return Ok((await client.ListTablesAsync()).TableNames);
                        }

                        public async Task<IActionResult> Describe(string table)
                        {
                            var client = [|new AmazonDynamoDBClient()|];
                            var response = await client.DescribeTableAsync(table);
                            client.Dispose();
                            return Ok(response.Table);
                        }
                    }
                    """,
                FixedCode = """
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;
                    using Microsoft.AspNetCore.Mvc;
                    using Microsoft.Extensions.DependencyInjection;

                    public static class Startup
                    {
                        public static void AddData(IServiceCollection services) => services.AddAWSService<IAmazonDynamoDB>();
                    }

                    public class OrdersController : ControllerBase
                    {
                        private readonly IAmazonDynamoDB _dynamoDB;

                        public OrdersController(IAmazonDynamoDB dynamoDB)
                        {
                            _dynamoDB = dynamoDB;
                        }

                        public async Task<IActionResult> List()
                        {
                            var client = _dynamoDB;
                            return Ok((await client.ListTablesAsync()).TableNames);
                        }

                        public async Task<IActionResult> Describe(string table)
                        {
                            var client = _dynamoDB;
                            var response = await client.DescribeTableAsync(table);
                            return Ok(response.Table);
                        }
                    }
                    """,
                CodeActionEquivalenceKey = "DLA4002.ConstructorInjection",
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task ScopedServiceWithConstructor_FixesWithConstructorInjection()
        {
            var test = new CodeFixTest<ReuseAwsServiceClientsAnalyzer, ReuseAwsServiceClientsFixer>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.SecretsManager;
                    using Amazon.SecretsManager.Model;
                    using Microsoft.Extensions.DependencyInjection;
                    using Microsoft.Extensions.Logging;

                    public class SecretReader
                    {
                        private readonly ILogger<SecretReader> _logger;

                        public SecretReader(ILogger<SecretReader> logger)
                        {
                            _logger = logger;
                        }

                        public async Task<string> Read(string id)
                        {
                            using (var client = [|new AmazonSecretsManagerClient()|])
                            {
                                var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = id });
                                return response.SecretString;
                            }
                        }
                    }

                    public static class Registration
                    {
                        public static void Add(IServiceCollection services)
                        {
                            services.AddScoped<SecretReader>();
                            services.AddSingleton<IAmazonSecretsManager>(_ => new AmazonSecretsManagerClient());
                        }
                    }
                    """,
                FixedCode = """
                    using System.Threading.Tasks;
                    using Amazon.SecretsManager;
                    using Amazon.SecretsManager.Model;
                    using Microsoft.Extensions.DependencyInjection;
                    using Microsoft.Extensions.Logging;

                    public class SecretReader
                    {
                        private readonly ILogger<SecretReader> _logger;
                        private readonly IAmazonSecretsManager _secretsManager;

                        public SecretReader(ILogger<SecretReader> logger, IAmazonSecretsManager secretsManager)
                        {
                            _secretsManager = secretsManager;
                            _logger = logger;
                        }

                        public async Task<string> Read(string id)
                        {
                            var client = _secretsManager;
                            var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = id });
                            return response.SecretString;
                        }
                    }

                    public static class Registration
                    {
                        public static void Add(IServiceCollection services)
                        {
                            services.AddScoped<SecretReader>();
                            services.AddSingleton<IAmazonSecretsManager>(_ => new AmazonSecretsManagerClient());
                        }
                    }
                    """,
                CodeActionEquivalenceKey = "DLA4002.ConstructorInjection",
                CodeActionIndex = 0, // the registered client comes before a static field of its own
            };
            await test.RunAsync();
        }
}
}
