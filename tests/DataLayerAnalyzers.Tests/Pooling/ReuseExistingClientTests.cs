using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Pooling.ReuseAwsServiceClientsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Pooling
{
    /// <summary>DLA4002: a class that already holds a client of the service reuses it instead of getting another field.</summary>
    public class ReuseExistingClientTests
    {
        private const string ReuseKey = "DLA4002.ReuseExistingInstance";

        [Fact]
        public async Task InjectedFieldInController_IsReused_FixAll()
        {
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private readonly IAmazonDynamoDB _dynamo;

                    public OrdersController(IAmazonDynamoDB dynamo)
                    {
                        _dynamo = dynamo;
                    }

                    public async Task<IActionResult> Tables()
                    {
                        using var client = [|new AmazonDynamoDBClient()|];
                        var tables = await client.ListTablesAsync();
                        return Ok(tables.TableNames);
                    }

                    public Task Purge(string table) => [|new AmazonDynamoDBClient()|].DeleteTableAsync(table);
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private readonly IAmazonDynamoDB _dynamo;

                    public OrdersController(IAmazonDynamoDB dynamo)
                    {
                        _dynamo = dynamo;
                    }

                    public async Task<IActionResult> Tables()
                    {
                        var client = _dynamo;
                        var tables = await client.ListTablesAsync();
                        return Ok(tables.TableNames);
                    }

                    public Task Purge(string table) => _dynamo.DeleteTableAsync(table);
                }
                """, ReuseKey);
        }

        [Fact]
        public async Task ConstructorParameterInControllerConstructor_IsReused_Fixes()
        {
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class LedgerController : ControllerBase
                {
                    private readonly IAmazonDynamoDB _reads;
                    private readonly IAmazonDynamoDB _writes;

                    public LedgerController(IAmazonDynamoDB dynamo)
                    {
                        _reads = dynamo;
                        _writes = [|new AmazonDynamoDBClient()|];
                    }
                }
                """, """
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class LedgerController : ControllerBase
                {
                    private readonly IAmazonDynamoDB _reads;
                    private readonly IAmazonDynamoDB _writes;

                    public LedgerController(IAmazonDynamoDB dynamo)
                    {
                        _reads = dynamo;
                        _writes = dynamo;
                    }
                }
                """, ReuseKey);
        }

        [Fact]
        public async Task StaticReadonlyFieldOfTheInterface_IsReusedFirst_Fixes()
        {
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class CatalogController : ControllerBase
                {
                    private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();

                    public Task Describe(string table) => [|new AmazonDynamoDBClient()|].DescribeTableAsync(table);
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class CatalogController : ControllerBase
                {
                    private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();

                    public Task Describe(string table) => Shared.DescribeTableAsync(table);
                }
                """);
        }

        [Fact]
        public async Task RegisteredInterfaceAndStaticField_ReuseFirstThenInjection()
        {
            // The interface is registered and the controller already holds a static client: reusing it creates no field,
            // so it is the first action; constructor injection is the second, before a static field of its own.
            const string source = """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.DependencyInjection;

                public static class Startup
                {
                    public static void AddData(IServiceCollection services) => services.AddAWSService<IAmazonDynamoDB>();
                }

                public class CatalogController : ControllerBase
                {
                    private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();

                    public Task Describe(string table) => [|new AmazonDynamoDBClient()|].DescribeTableAsync(table);
                }
                """;
            await new CodeFixTest<ReuseAwsServiceClientsAnalyzer, ReuseAwsServiceClientsFixer>
            {
                TestCode = source,
                FixedCode = """
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;
                    using Microsoft.AspNetCore.Mvc;
                    using Microsoft.Extensions.DependencyInjection;

                    public static class Startup
                    {
                        public static void AddData(IServiceCollection services) => services.AddAWSService<IAmazonDynamoDB>();
                    }

                    public class CatalogController : ControllerBase
                    {
                        private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();

                        public Task Describe(string table) => Shared.DescribeTableAsync(table);
                    }
                    """,
                CodeActionIndex = 0,
                CodeActionEquivalenceKey = ReuseKey,
            }.RunAsync();

            await new CodeFixTest<ReuseAwsServiceClientsAnalyzer, ReuseAwsServiceClientsFixer>
            {
                TestCode = source,
                FixedCode = """
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;
                    using Microsoft.AspNetCore.Mvc;
                    using Microsoft.Extensions.DependencyInjection;

                    public static class Startup
                    {
                        public static void AddData(IServiceCollection services) => services.AddAWSService<IAmazonDynamoDB>();
                    }

                    public class CatalogController : ControllerBase
                    {
                        private static readonly IAmazonDynamoDB Shared = new AmazonDynamoDBClient();
                        private readonly IAmazonDynamoDB _dynamoDB;

                        public CatalogController(IAmazonDynamoDB dynamoDB)
                        {
                            _dynamoDB = dynamoDB;
                        }

                        public Task Describe(string table) => _dynamoDB.DescribeTableAsync(table);
                    }
                    """,
                CodeActionIndex = 1,
                CodeActionEquivalenceKey = "DLA4002.ConstructorInjection",
            }.RunAsync();
        }

        [Fact]
        public async Task ControllerWithAnotherServiceRegistered_StaticFieldIsTheFirstAction()
        {
            // Look-alike: the compilation registers a client, but of another service (STS, not DynamoDB), so no constructor
            // injection is offered for the DynamoDB client and the static field stays the first action.
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.SecurityToken;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.DependencyInjection;

                public static class Startup
                {
                    public static void AddData(IServiceCollection services) => services.AddAWSService<IAmazonSecurityTokenService>();
                }

                public class CatalogController : ControllerBase
                {
                    public Task Describe(string table) => [|new AmazonDynamoDBClient()|].DescribeTableAsync(table);
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.SecurityToken;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.DependencyInjection;

                public static class Startup
                {
                    public static void AddData(IServiceCollection services) => services.AddAWSService<IAmazonSecurityTokenService>();
                }

                public class CatalogController : ControllerBase
                {
                    private static readonly AmazonDynamoDBClient SharedDynamoDBClient = new AmazonDynamoDBClient();

                    public Task Describe(string table) => SharedDynamoDBClient.DescribeTableAsync(table);
                }
                """);
        }

        [Fact]
        public async Task ConfiguredCreationOrUnassignedOrOtherServiceField_NotReused()
        {
            // A creation with its own region, a field nothing assigns, and a client of another service: the reuse action is
            // not offered, so the first action is the static readonly field, as before.
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.SecurityToken;
                using Microsoft.AspNetCore.Mvc;

                public static class Factory { public static IAmazonDynamoDB Create() => null!; }

                public class OrdersController : ControllerBase
                {
                    private readonly IAmazonDynamoDB _dynamo;
                    private readonly IAmazonSecurityTokenService _sts;
                    private readonly IAmazonDynamoDB _fromFactory = Factory.Create();

                    public OrdersController(IAmazonSecurityTokenService sts) { _sts = sts; }

                    public Task Tables() => [|new AmazonDynamoDBClient(RegionEndpoint.EUWest1)|].ListTablesAsync();

                    public Task Other() => [|new AmazonDynamoDBClient()|].ListTablesAsync();
                }
                """, """
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.SecurityToken;
                using Microsoft.AspNetCore.Mvc;

                public static class Factory { public static IAmazonDynamoDB Create() => null!; }

                public class OrdersController : ControllerBase
                {
                    private static readonly AmazonDynamoDBClient SharedDynamoDBClient = new AmazonDynamoDBClient(RegionEndpoint.EUWest1);
                    private static readonly AmazonDynamoDBClient SharedDynamoDBClient2 = new AmazonDynamoDBClient();
                    private readonly IAmazonDynamoDB _dynamo;
                    private readonly IAmazonSecurityTokenService _sts;
                    private readonly IAmazonDynamoDB _fromFactory = Factory.Create();

                    public OrdersController(IAmazonSecurityTokenService sts) { _sts = sts; }

                    public Task Tables() => SharedDynamoDBClient.ListTablesAsync();

                    public Task Other() => SharedDynamoDBClient2.ListTablesAsync();
                }
                """);
        }
    }
}
