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
