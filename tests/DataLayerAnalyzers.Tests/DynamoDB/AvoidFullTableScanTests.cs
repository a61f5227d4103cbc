using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    public class AvoidFullTableScanTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.DataModel;
            using Microsoft.Extensions.Hosting;

            [DynamoDBTable("DeviceReadings")]
            public class Reading
            {
                [DynamoDBHashKey] public string DeviceId { get; set; } = "";
                [DynamoDBRangeKey] public long Timestamp { get; set; }
                public double Temperature { get; set; }
            }

            """;

        private static Task RunAsync(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<AvoidFullTableScanAnalyzer> { TestCode = Usings + source, OutputKind = kind };
            test.GlobalConfig.Add("dotnet_code_quality.DLA1001.table_keys = Devices:DeviceId/Timestamp");
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Fact]
        public async Task LowLevelScansWithoutKeyEquality_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client)
                    {
                        var a = await {|#0:client.ScanAsync(new ScanRequest { TableName = "Devices" })|};
                        var b = await {|#1:client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "Temperature > :t" })|};
                        var c = await {|#2:client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId BETWEEN :a AND :b" })|};
                        var d = await [|client.ScanAsync("Devices", new List<string> { "Temperature" })|];
                        var e = await [|client.ScanAsync("Devices", new Dictionary<string, Condition>())|];
                        var n = 0;
                        await foreach (var page in [|client.Paginators.Scan(new ScanRequest("Devices"))|].Responses) { n += page.Items.Count; }
                        return a.Items.Count + b.Items.Count + c.Items.Count + d.Items.Count + e.Items.Count + n;
                    }
                }
                """, OutputKind.DynamicallyLinkedLibrary,
                Verify<AvoidFullTableScanAnalyzer>.Diagnostic("DLA1002").WithLocation(0).WithArguments("it has no filter"),
                Verify<AvoidFullTableScanAnalyzer>.Diagnostic("DLA1002").WithLocation(1).WithArguments("its filter is on non-key attributes and is applied after the items are read"),
                Verify<AvoidFullTableScanAnalyzer>.Diagnostic("DLA1002").WithLocation(2).WithArguments("its condition on the partition key is not an equality every result must meet"));
        }

        [Fact]
        public async Task OnePageWithConstantLimit_NoDiagnostic()
        {
            // DynamoDB evaluates at most Limit items for one page: the read does not grow with the table.
            await RunAsync("""
                class Repo
                {
                    private const int PageSize = 20;
                    async Task<int> Hot(IAmazonDynamoDB client)
                    {
                        var a = await client.ScanAsync(new ScanRequest { TableName = "Devices", Limit = 20 });
                        var request = new ScanRequest("Devices") { FilterExpression = "Temperature > :t" };
                        request.Limit = PageSize;
                        var b = await client.ScanAsync(request);
                        return a.Items.Count + b.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task LimitWithEveryPageOrUnknownLimit_Reports()
        {
            // A Limit that only sizes the pages of a loop over every page, or a limit the caller chooses, bounds nothing.
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, int pageSize)
                    {
                        var n = 0;
                        Dictionary<string, AttributeValue>? start = null;
                        do
                        {
                            var page = await [|client.ScanAsync(new ScanRequest { TableName = "Devices", Limit = 20, ExclusiveStartKey = start })|];
                            n += page.Items.Count;
                            start = page.LastEvaluatedKey;
                        }
                        while (start is { Count: > 0 });
                        var b = await [|client.ScanAsync(new ScanRequest { TableName = "Devices", Limit = pageSize })|];
                        return n + b.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task DocumentAndObjectModelScans_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, IDynamoDBContext context, ITable table)
                    {
                        var a = await [|table.Scan(new Expression { ExpressionStatement = "Temperature > :t" })|].GetRemainingAsync();
                        var b = await [|table.Scan(new ScanFilter())|].GetNextSetAsync();
                        var c = await [|context.ScanAsync<Reading>(new List<ScanCondition>())|].GetRemainingAsync();
                        var d = await [|context.FromScanAsync<Reading>(new ScanOperationConfig())|].GetRemainingAsync();
                        return a.Count + b.Count + c.Count + d.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task KeyEqualityScan_NoDiagnostic()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client)
                    {
                        var a = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId = :id" });
                        return a.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ParallelScanAndQueries_NoDiagnostic()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Export(IAmazonDynamoDB client, ITable table, int segment)
                    {
                        var a = await client.ScanAsync(new ScanRequest { TableName = "Devices", Segment = segment, TotalSegments = 8 });
                        var b = await table.Scan(new ScanOperationConfig { Segment = segment, TotalSegments = 8 }).GetRemainingAsync();
                        var c = await client.QueryAsync(new QueryRequest { TableName = "Devices", KeyConditionExpression = "DeviceId = :id" });
                        var d = await client.GetItemAsync("Devices", new Dictionary<string, AttributeValue>());
                        return a.Items.Count + b.Count + c.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task BackgroundServiceAndHostedService_NoDiagnostic()
        {
            await RunAsync("""
                class Cleanup : BackgroundService
                {
                    private readonly IAmazonDynamoDB _client;
                    public Cleanup(IAmazonDynamoDB client) => _client = client;
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var page = await _client.ScanAsync(new ScanRequest { TableName = "Devices" }, stoppingToken);
                            await SweepAsync();
                            await Task.Delay(1000, stoppingToken);
                        }

                        async Task SweepAsync() => await _client.ScanAsync(new ScanRequest("Devices"), stoppingToken);
                    }
                }

                class Warmup : IHostedService
                {
                    private readonly IAmazonDynamoDB _client;
                    public Warmup(IAmazonDynamoDB client) => _client = client;
                    public async Task StartAsync(CancellationToken ct) { var page = await _client.ScanAsync(new ScanRequest("Devices"), ct); }
                    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
                }
                """);
        }

        [Fact]
        public async Task TopLevelStatements_NoDiagnostic()
        {
            var test = new AnalyzerTest<AvoidFullTableScanAnalyzer> { OutputKind = OutputKind.ConsoleApplication };
            test.Sources.Add("""
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                var client = new AmazonDynamoDBClient();
                var all = await client.ScanAsync(new ScanRequest { TableName = "Devices" });
                System.Console.WriteLine(all.Items.Count);
                """);
            await test.RunAsync();
        }

        [Fact]
        public async Task StaticMain_NoDiagnostic()
        {
            await RunAsync("""
                static class Program
                {
                    static async Task Main()
                    {
                        var client = new AmazonDynamoDBClient();
                        var all = await client.ScanAsync(new ScanRequest { TableName = "Devices" });
                        System.Console.WriteLine(all.Items.Count);
                    }
                }
                """, OutputKind.ConsoleApplication);
        }

        [Fact]
        public async Task LookAlikeTableClass_NoDiagnostic()
        {
            await RunAsync("""
                namespace Mine
                {
                    public class Table { public List<string> Scan() => new List<string>(); }
                    class Repo { int Count(Table table) => table.Scan().Count; }
                }
                """);
        }

        [Fact]
        public async Task HalfTypedCode_Reports()
        {
            var test = new AnalyzerTest<AvoidFullTableScanAnalyzer> { AllowCompilerErrors = true };
            test.TestCode = """
                using System.Collections.Generic;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.DynamoDBv2.DataModel;
                using Amazon.DynamoDBv2.DocumentModel;
                class Repo
                {
                    async System.Threading.Tasks.Task Go(IAmazonDynamoDB client, IDynamoDBContext context, ITable table)
                    {
                        var r = await [|client.ScanAsync(new ScanRequest { TableName = , FilterExpression = "#a = :b AND" })|];
                        var q = await client.QueryAsync(new QueryRequest { TableName = "T" }).Items;
                        await client.BatchWriteItemAsync(;
                        var s = await [|context.ScanAsync<Missing>(new[] { new ScanCondition(null, ScanOperator.Equal) })|];
                        var t = await [|table.Scan(new ScanFilter { })|].GetNextSetAsync(
                        var u = await [|client.ScanAsync(new ScanRequest { TableName = "T", FilterExpression = "size(#x) > :v OR (a.b[1] IN (:c, :d)) AND NOT x BETWEEN :e AND" })|];
                    }
                }
                """;
            await test.RunAsync();
        }
    }
}
