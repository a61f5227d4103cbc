using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    public class ReadAllResultPagesTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.DataModel;

            public class Reading
            {
                [DynamoDBHashKey] public string DeviceId { get; set; } = "";
                [DynamoDBRangeKey] public long Timestamp { get; set; }
            }

            """;

        [Fact]
        public async Task FirstPageOfQueryOrScan_Reports()
        {
            await Verify<ReadAllResultPagesAnalyzer>.AnalyzerAsync(Usings + """
                class Repo
                {
                    async Task<int> Load(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var response = await {|#0:client.QueryAsync(request)|};
                        var scanned = await {|#1:client.ScanAsync(new ScanRequest("Devices"))|};
                        var filtered = await [|client.ScanAsync("Devices", new List<string> { "Temperature" })|];
                        var count = (await [|client.QueryAsync(request, CancellationToken.None)|]).Count;
                        var index = await [|client.QueryAsync(new QueryRequest { TableName = "Devices", IndexName = "ByStatus", KeyConditionExpression = "ErrorStatus = :s AND #ts = :ts" })|];
                        count += index.Items.Count;
                        return response.Items.Count + scanned.Items.Count + filtered.Items.Count + (count ?? 0);
                    }
                }
                """,
                Verify<ReadAllResultPagesAnalyzer>.Diagnostic("DLA1003").WithLocation(0).WithArguments("Query", "follow LastEvaluatedKey until it is null or empty, or use the paginator"),
                Verify<ReadAllResultPagesAnalyzer>.Diagnostic("DLA1003").WithLocation(1).WithArguments("Scan", "follow LastEvaluatedKey until it is null or empty, or use the paginator"));
        }

        [Fact]
        public async Task SingleGetNextSet_Reports()
        {
            await Verify<ReadAllResultPagesAnalyzer>.AnalyzerAsync(Usings + """
                class Repo
                {
                    async Task<int> Load(ITable table, IDynamoDBContext context, string id)
                    {
                        var search = table.Query(new Primitive(id), new QueryFilter());
                        var first = await {|#0:search.GetNextSetAsync()|};
                        var scanned = await [|table.Scan(new ScanOperationConfig()).GetNextSetAsync()|];
                        var readings = await [|context.QueryAsync<Reading>(id).GetNextSetAsync()|];
                        var config = await [|context.FromQueryAsync<Reading>(new QueryOperationConfig()).GetNextSetAsync(CancellationToken.None)|];
                        return first.Count + scanned.Count + readings.Count + config.Count;
                    }
                }
                """,
                Verify<ReadAllResultPagesAnalyzer>.Diagnostic("DLA1003").WithLocation(0).WithArguments("search", "loop until IsDone, call GetRemainingAsync, or hand PaginationToken back to the caller"));
        }

        [Fact]
        public async Task FollowedPagesCursorsPaginatorsAndExistenceChecks_NoDiagnostic()
        {
            await Verify<ReadAllResultPagesAnalyzer>.AnalyzerAsync(Usings + """
                class Repo
                {
                    async Task<List<Dictionary<string, AttributeValue>>> DoWhile(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var all = new List<Dictionary<string, AttributeValue>>();
                        QueryResponse response;
                        do
                        {
                            response = await client.QueryAsync(request);
                            all.AddRange(response.Items);
                            request.ExclusiveStartKey = response.LastEvaluatedKey;
                        }
                        while (response.LastEvaluatedKey != null && response.LastEvaluatedKey.Count > 0);
                        return all;
                    }

                    async Task<(List<Dictionary<string, AttributeValue>> Items, Dictionary<string, AttributeValue> Next)> Cursor(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var page = await client.QueryAsync(request);
                        return (page.Items, page.LastEvaluatedKey);
                    }

                    Task<QueryResponse> Forward(IAmazonDynamoDB client, QueryRequest request) => client.QueryAsync(request);

                    async Task<bool> Exists(IAmazonDynamoDB client, string id)
                    {
                        var response = await client.QueryAsync(new QueryRequest { TableName = "Devices", KeyConditionExpression = "DeviceId = :id", Limit = 1 });
                        var single = await client.QueryAsync(new QueryRequest { TableName = "Devices", KeyConditionExpression = "DeviceId = :id AND #ts = :ts", ExpressionAttributeNames = new() { ["#ts"] = "Timestamp" } });
                        return response.Items.Count + single.Items.Count > 0;
                    }

                    async Task<int> Paginated(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var n = 0;
                        await foreach (var page in client.Paginators.Query(request).Responses) { n += page.Items.Count; }
                        return n;
                    }

                    async Task<int> Searches(ITable table, IDynamoDBContext context, string id)
                    {
                        var search = table.Query(new Primitive(id), new QueryFilter());
                        var all = new List<Document>();
                        do { all.AddRange(await search.GetNextSetAsync()); } while (!search.IsDone);
                        var typed = context.QueryAsync<Reading>(id);
                        var page = await typed.GetNextSetAsync();
                        var token = typed.PaginationToken;
                        var rest = await context.QueryAsync<Reading>(id).GetRemainingAsync();
                        return all.Count + page.Count + rest.Count + token.Length;
                    }

                    async Task Discarded(IAmazonDynamoDB client, QueryRequest request) => await client.QueryAsync(request);
                }

                namespace Mine
                {
                    class Search { public Task<List<int>> GetNextSetAsync() => Task.FromResult(new List<int>()); }
                    class User { async Task<int> Go(Search s) => (await s.GetNextSetAsync()).Count; }
                }
                """);
        }

        [Fact]
        public async Task QueryItems_FixesWithPaginator()
        {
            await Verify<ReadAllResultPagesAnalyzer>.CodeFixAsync<ReadAllResultPagesFixer>(Usings + """
                class Repo
                {
                    async Task<int> Load(IAmazonDynamoDB client, QueryRequest request, CancellationToken ct)
                    {
                        var response = await [|client.QueryAsync(request, ct)|];
                        var hot = response.Items.Where(i => i.ContainsKey("ErrorStatus")).ToList();
                        ScanResponse all = await [|client.ScanAsync(new ScanRequest { TableName = "Devices" })|];
                        return hot.Count + all.Items.Count;
                    }
                }
                """, Usings + """
                class Repo
                {
                    async Task<int> Load(IAmazonDynamoDB client, QueryRequest request, CancellationToken ct)
                    {
                        var response = new QueryResponse { Items = new List<Dictionary<string, AttributeValue>>() };
                        await foreach (var page in client.Paginators.Query(request).Responses.WithCancellation(ct))
                        {
                            if (page.Items != null)
                            {
                                response.Items.AddRange(page.Items);
                            }
                        }

                        var hot = response.Items.Where(i => i.ContainsKey("ErrorStatus")).ToList();
                        ScanResponse all = new ScanResponse { Items = new List<Dictionary<string, AttributeValue>>() };
                        await foreach (var page2 in client.Paginators.Scan(new ScanRequest { TableName = "Devices" }).Responses)
                        {
                            if (page2.Items != null)
                            {
                                all.Items.AddRange(page2.Items);
                            }
                        }

                        return hot.Count + all.Items.Count;
                    }
                }
                """, ReadAllResultPagesFixer.EquivalenceKey);
        }

        [Fact]
        public async Task GetNextSet_FixesWithGetRemaining()
        {
            await Verify<ReadAllResultPagesAnalyzer>.CodeFixAsync<ReadAllResultPagesFixer>(Usings + """
                class Repo
                {
                    async Task<int> Load(ITable table, IDynamoDBContext context, string id)
                    {
                        var documents = await [|table.Query(new Primitive(id), new QueryFilter()).GetNextSetAsync()|];
                        var readings = await [|context.QueryAsync<Reading>(id).GetNextSetAsync(CancellationToken.None)|];
                        return documents.Count + readings.Count;
                    }
                }
                """, Usings + """
                class Repo
                {
                    async Task<int> Load(ITable table, IDynamoDBContext context, string id)
                    {
                        var documents = await table.Query(new Primitive(id), new QueryFilter()).GetRemainingAsync();
                        var readings = await context.QueryAsync<Reading>(id).GetRemainingAsync(CancellationToken.None);
                        return documents.Count + readings.Count;
                    }
                }
                """, ReadAllResultPagesFixer.EquivalenceKey);
        }

        [Fact]
        public async Task OtherMembersUsed_NoFix()
        {
            const string source = """
                class Repo
                {
                    async Task<int> Load(IAmazonDynamoDB client, QueryRequest request)
                    {
                        var response = await [|client.QueryAsync(request)|];
                        var scanned = await [|client.ScanAsync("Devices", new List<string> { "Temperature" })|];
                        return response.Items.Count + (response.ScannedCount ?? 0) + scanned.Items.Count;
                    }
                }
                """;
            await Verify<ReadAllResultPagesAnalyzer>.CodeFixAsync<ReadAllResultPagesFixer>(Usings + source, Usings + source, ReadAllResultPagesFixer.EquivalenceKey);
        }

        [Fact]
        public async Task V3SearchClasses_Fixes()
        {
            const string source = """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;
                using Amazon.DynamoDBv2.DocumentModel;

                public class Reading { [DynamoDBHashKey] public string DeviceId { get; set; } = ""; }

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, IDynamoDBContext context, Table table, string id)
                    {
                        var documents = await [|table.Scan(new ScanFilter()).GetNextSetAsync()|];
                        var readings = await [|context.QueryAsync<Reading>(id).GetNextSetAsync()|];
                        var response = await [|client.QueryAsync(new Amazon.DynamoDBv2.Model.QueryRequest { TableName = "Devices" })|];
                        return documents.Count + readings.Count + response.Items.Count;
                    }
                }
                """;
            var test = new CodeFixTest<ReadAllResultPagesAnalyzer, ReadAllResultPagesFixer>
            {
                References = ReferenceSet.FrameworkOnly,
                CodeActionEquivalenceKey = ReadAllResultPagesFixer.EquivalenceKey,
            };
            test.Sources.Add(source);
            test.Sources.Add(V3Surface.Source);

            // v3 before 3.5 has no paginators: the low-level call keeps its diagnostic and gets no fix.
            test.FixedSources.Add(source.Replace("[|table.Scan(new ScanFilter()).GetNextSetAsync()|]", "table.Scan(new ScanFilter()).GetRemainingAsync()")
                .Replace("[|context.QueryAsync<Reading>(id).GetNextSetAsync()|]", "context.QueryAsync<Reading>(id).GetRemainingAsync()"));
            test.FixedSources.Add(V3Surface.Source);
            await test.RunAsync();
        }

        [Fact]
        public async Task HalfTypedCode_NoDiagnostic()
        {
            var test = new AnalyzerTest<ReadAllResultPagesAnalyzer> { AllowCompilerErrors = true };
            test.TestCode = HalfTypedSources.DynamoDBCalls;
            await test.RunAsync();
        }
    }
}
