using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    /// <summary>
    /// DynamoDB results that leave the method or the statement: a response handed whole to a helper of the compilation,
    /// a response used only inside a lambda, a Scan filter built in separate statements and passed through
    /// ScanOperationConfig, and BatchWriteItem calls made inside a LINQ Select and awaited through Task.WhenAll.
    /// </summary>
    public class ResultFlowTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;

            """;

        [Fact]
        public async Task ResponseHandedToHelperReadingOnlyItems_Reports()
        {
            await Verify<ReadAllResultPagesAnalyzer>.AnalyzerAsync(Usings + """
                public class Repo
                {
                    public async Task<List<string>> Load(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var response = await [|client.QueryAsync(request)|];
                        return Map(response);
                    }

                    public async Task<List<string>> Direct(IAmazonDynamoDB client) => Mapper.ToIds(await [|client.ScanAsync(new ScanRequest("Devices"))|]);

                    private static List<string> Map(QueryResponse response) => response.Items.Select(i => i["Id"].S).ToList();
                }

                public static class Mapper
                {
                    public static List<string> ToIds(ScanResponse page)
                    {
                        var ids = new List<string>();
                        foreach (var item in page.Items) { ids.Add(item["Id"].S); }
                        return ids;
                    }
                }
                """);
        }

        [Fact]
        public async Task ResponseHandedToExtensionMapperThroughConditionalAccess_Reports()
        {
            await Verify<ReadAllResultPagesAnalyzer>.AnalyzerAsync(Usings + """
                public class ChargesGateway
                {
                    public async Task<List<string>?> Load(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var charges = await [|client.QueryAsync(request)|];
                        return charges?.ToDomain();
                    }

                    public async Task<int?> Count(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var charges = await [|client.QueryAsync(request)|];
                        return charges?.Items.Count;
                    }

                    public async Task<Dictionary<string, AttributeValue>?> Next(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var charges = await client.QueryAsync(request);
                        var mapped = charges.ToDomain();
                        return charges?.LastEvaluatedKey;
                    }
                }

                public static class ChargeMapper
                {
                    public static List<string> ToDomain(this QueryResponse response) => response.Items.Select(i => i["Id"].S).ToList();
                }
                """);
        }

        [Fact]
        public async Task ScanInLambdaHandlerWrittenAsTopLevelLambda_Reports()
        {
            await new AnalyzerTest<AvoidFullTableScanAnalyzer>
            {
                TestCode = Usings + """
                    using Amazon.Lambda.Core;

                    var client = new AmazonDynamoDBClient();
                    Func<string, ILambdaContext, Task<int>> handler = async (input, context) =>
                    {
                        var page = await [|client.ScanAsync(new ScanRequest { TableName = "Connections" })|];
                        return page.Items.Count;
                    };
                    var warmup = await client.ScanAsync(new ScanRequest { TableName = "Connections" });
                    await handler("", null!);
                    """,
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
            }.RunAsync();
        }

        [Fact]
        public async Task HelperFollowingPagesOrPassingOn_NoDiagnostic()
        {
            await Verify<ReadAllResultPagesAnalyzer>.AnalyzerAsync(Usings + """
                public class Repo
                {
                    public async Task<Page> Load(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var response = await client.QueryAsync(request);
                        return ToPage(response);
                    }

                    public async Task<object> Keep(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var response = await client.QueryAsync(request);
                        return Store(response);
                    }

                    public async Task<int> Unknown(IAmazonDynamoDB client, QueryRequest request, Func<QueryResponse, int> map)
                    {
                        var response = await client.QueryAsync(request);
                        return map(response) + Virtual(response);
                    }

                    protected virtual int Virtual(QueryResponse response) => response.Items.Count;

                    private static Page ToPage(QueryResponse response) => new Page(response.Items.Count, response.LastEvaluatedKey);

                    private static object Store(QueryResponse response) => Cache.Last = response;
                }

                public static class Cache { public static QueryResponse? Last; }

                public record Page(int Count, Dictionary<string, AttributeValue>? Next);
                """);
        }

        [Fact]
        public async Task ResponseUsedOnlyInsideLambda_Reports()
        {
            await Verify<ReadAllResultPagesAnalyzer>.AnalyzerAsync(Usings + """
                public class Repo
                {
                    public async Task<List<int>> Load(IAmazonDynamoDB client, List<string> ids)
                    {
                        var response = await [|client.ScanAsync(new ScanRequest("Devices"))|];
                        return ids.Select(id => response.Items.Count(i => i["Id"].S == id)).ToList();
                    }

                    public Task<List<string>> Run(IAmazonDynamoDB client, QueryRequest request) => Task.Run(async () =>
                    {
                        var response = await [|client.QueryAsync(request)|];
                        return response.Items.Select(i => i["Id"].S).ToList();
                    });
                }
                """);
        }

        [Fact]
        public async Task ScanFilterBuiltInSeparateStatementsThroughConfig_Reports()
        {
            await Verify<UseQueryInsteadOfScanAnalyzer>.AnalyzerAsync(Usings + """
                public class Repo
                {
                    private readonly ITable _table;
                    public Repo(IAmazonDynamoDB client)
                    {
                        _table = new TableBuilder(client, "Devices").AddHashKey("DeviceId", DynamoDBEntryType.String).Build();
                    }

                    public async Task<int> ByFilter(string id)
                    {
                        var filter = new ScanFilter();
                        filter.AddCondition("DeviceId", ScanOperator.Equal, id);
                        var config = new ScanOperationConfig();
                        config.Filter = filter;
                        return (await [|_table.Scan(config)|].GetRemainingAsync()).Count;
                    }

                    public async Task<int> ByExpression(string id)
                    {
                        var expression = new Expression();
                        expression.ExpressionStatement = "DeviceId = :id";
                        expression.ExpressionAttributeValues[":id"] = id;
                        var config = new ScanOperationConfig();
                        config.FilterExpression = expression;
                        return (await [|_table.Scan(config)|].GetRemainingAsync()).Count;
                    }
                }
                """);
            await Verify<AvoidFullTableScanAnalyzer>.AnalyzerAsync(Usings + """
                public class Repo
                {
                    private readonly ITable _table;
                    public Repo(IAmazonDynamoDB client)
                    {
                        _table = new TableBuilder(client, "Devices").AddHashKey("DeviceId", DynamoDBEntryType.String).Build();
                    }

                    public async Task<int> Hot(double threshold)
                    {
                        var expression = new Expression();
                        expression.ExpressionStatement = "Temperature > :t";
                        expression.ExpressionAttributeValues[":t"] = threshold;
                        var config = new ScanOperationConfig();
                        config.FilterExpression = expression;
                        return (await [|_table.Scan(config)|].GetRemainingAsync()).Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task BatchWritesInSelectAwaitedThroughWhenAll_Reports()
        {
            await Verify<HandleUnprocessedBatchItemsAnalyzer>.AnalyzerAsync(Usings + """
                public class Repo
                {
                    public async Task Save(IAmazonDynamoDB client, List<Dictionary<string, List<WriteRequest>>> batches)
                    {
                        await Task.WhenAll(batches.Select(batch => [|client.BatchWriteItemAsync(batch)|]));
                        var tasks = batches.Select(batch => [|client.BatchWriteItemAsync(new BatchWriteItemRequest(batch))|]).ToList();
                        await Task.WhenAll(tasks);
                    }
                }
                """);
        }

        [Fact]
        public async Task BatchWritesInSelectWithResultsRead_NoDiagnostic()
        {
            await Verify<HandleUnprocessedBatchItemsAnalyzer>.AnalyzerAsync(Usings + """
                public class Repo
                {
                    public async Task<int> Save(IAmazonDynamoDB client, List<Dictionary<string, List<WriteRequest>>> batches)
                    {
                        var responses = await Task.WhenAll(batches.Select(batch => client.BatchWriteItemAsync(batch)));
                        return responses.Sum(r => r.UnprocessedItems.Count);
                    }

                    public Task<BatchWriteItemResponse[]> Hand(IAmazonDynamoDB client, List<Dictionary<string, List<WriteRequest>>> batches)
                        => Task.WhenAll(batches.Select(batch => client.BatchWriteItemAsync(batch)));

                    public async Task Retry(IAmazonDynamoDB client, List<Dictionary<string, List<WriteRequest>>> batches)
                    {
                        await Task.WhenAll(batches.Select(batch => WriteAll(client, batch)));
                    }

                    private static async Task WriteAll(IAmazonDynamoDB client, Dictionary<string, List<WriteRequest>> items)
                    {
                        var response = await client.BatchWriteItemAsync(items);
                        while (response.UnprocessedItems.Count > 0)
                        {
                            response = await client.BatchWriteItemAsync(response.UnprocessedItems);
                        }
                    }
                }
                """);
        }
    }
}
