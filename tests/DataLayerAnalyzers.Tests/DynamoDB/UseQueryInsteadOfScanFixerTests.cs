using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    public class UseQueryInsteadOfScanFixerTests
    {
        private const string Header = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.DataModel;

            [DynamoDBTable("DeviceReadings")]
            public class Reading
            {
                [DynamoDBHashKey] public string DeviceId { get; set; } = "";
                [DynamoDBRangeKey] public long Timestamp { get; set; }
                public double Temperature { get; set; }
            }

            """;

        private static Task RunAsync(string source, string fixedSource, string? batchFixed = null, string equivalenceKey = UseQueryInsteadOfScanFixer.EquivalenceKey)
        {
            var test = new CodeFixTest<UseQueryInsteadOfScanAnalyzer, UseQueryInsteadOfScanFixer>
            {
                TestCode = Header + source,
                FixedCode = Header + fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            if (batchFixed != null)
            {
                test.BatchFixedCode = Header + batchFixed;
            }

            test.GlobalConfig.Add("dotnet_code_quality.DLA1001.table_keys = Devices:DeviceId/Timestamp");
            return test.RunAsync();
        }

        [Fact]
        public async Task InlineRequestWithRemainingFilter_Fixes()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id)
                    {
                        ScanResponse response = await [|client.ScanAsync(new ScanRequest
                        {
                            TableName = "Devices",
                            FilterExpression = "Temperature > :t AND #d = :id AND #ts >= :from",
                            ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "DeviceId", ["#ts"] = "Timestamp" },
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = new AttributeValue(id), [":t"] = new AttributeValue { N = "30" }, [":from"] = new AttributeValue { N = "0" } },
                            Segment = 0,
                            TotalSegments = 1,
                        })|];
                        return response.Items.Count;
                    }
                }
                """, """
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id)
                    {
                        QueryResponse response = await client.QueryAsync(new QueryRequest
                        {
                            TableName = "Devices",
                            KeyConditionExpression = "#d = :id AND #ts >= :from",
                            FilterExpression = "Temperature > :t",
                            ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "DeviceId", ["#ts"] = "Timestamp" },
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = new AttributeValue(id), [":t"] = new AttributeValue { N = "30" }, [":from"] = new AttributeValue { N = "0" } },
                        });
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task LocalRequestAndPaginator_FixesAll()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client)
                    {
                        var request = new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId = :id" };
                        var response = await [|client.ScanAsync(request)|];
                        var n = response.Items.Count;
                        ScanRequest second = new ScanRequest { TableName = "Devices", FilterExpression = "(DeviceId = :id)" };
                        await foreach (var page in [|client.Paginators.Scan(second)|].Responses) { n += page.Items.Count; }
                        return n;
                    }
                }
                """, """
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client)
                    {
                        var request = new QueryRequest { TableName = "Devices", KeyConditionExpression = "DeviceId = :id" };
                        var response = await client.QueryAsync(request);
                        var n = response.Items.Count;
                        QueryRequest second = new QueryRequest { TableName = "Devices", KeyConditionExpression = "(DeviceId = :id)" };
                        await foreach (var page in client.Paginators.Query(second).Responses) { n += page.Items.Count; }
                        return n;
                    }
                }
                """);
        }

        [Fact]
        public async Task ContextScanConditions_Fixes()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IDynamoDBContext context, string id)
                    {
                        var a = await [|context.ScanAsync<Reading>(new[] { new ScanCondition("DeviceId", ScanOperator.Equal, id) })|].GetRemainingAsync();
                        var b = await [|context.ScanAsync<Reading>(new List<ScanCondition> { new ScanCondition("Temperature", ScanOperator.GreaterThan, 30.0), new ScanCondition("DeviceId", ScanOperator.Equal, id), new ScanCondition("Timestamp", ScanOperator.Between, 1L, 2L) })|].GetRemainingAsync();
                        return a.Count + b.Count;
                    }
                }
                """, """
                class Repo
                {
                    async Task<int> Hot(IDynamoDBContext context, string id)
                    {
                        var a = await context.QueryAsync<Reading>(id).GetRemainingAsync();
                        var b = await context.QueryAsync<Reading>(id, QueryOperator.Between, new object[] { 1L, 2L }, new QueryConfig { QueryFilter = new List<ScanCondition> { new ScanCondition("Temperature", ScanOperator.GreaterThan, 30.0) } }).GetRemainingAsync();
                        return a.Count + b.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ContextScanConditionsInLocal_FixesAllInFile()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IDynamoDBContext context, string id)
                    {
                        var conditions = new List<ScanCondition> { new ScanCondition("DeviceId", ScanOperator.Equal, id), new ScanCondition("Temperature", ScanOperator.GreaterThan, 30.0) };
                        var items = await [|context.ScanAsync<Reading>(conditions)|].GetRemainingAsync();
                        return items.Count;
                    }

                    async Task<int> KeyOnly(IDynamoDBContext context, string id)
                    {
                        ScanCondition[] keyOnly = { new ScanCondition("DeviceId", ScanOperator.Equal, id), new ScanCondition("Timestamp", ScanOperator.GreaterThan, 5L) };
                        var items = await [|context.ScanAsync<Reading>(keyOnly)|].GetRemainingAsync();
                        return items.Count;
                    }

                    async Task<int> Array(IDynamoDBContext context, string id)
                    {
                        var filters = new[] { new ScanCondition("Temperature", ScanOperator.LessThan, 0.0), new ScanCondition("DeviceId", ScanOperator.Equal, id) };
                        var items = await [|context.ScanAsync<Reading>(filters)|].GetRemainingAsync();
                        return items.Count;
                    }
                }
                """, """
                class Repo
                {
                    async Task<int> Hot(IDynamoDBContext context, string id)
                    {
                        var conditions = new List<ScanCondition> { new ScanCondition("Temperature", ScanOperator.GreaterThan, 30.0) };
                        var items = await context.QueryAsync<Reading>(id, new QueryConfig { QueryFilter = conditions }).GetRemainingAsync();
                        return items.Count;
                    }

                    async Task<int> KeyOnly(IDynamoDBContext context, string id)
                    {
                        var items = await context.QueryAsync<Reading>(id, QueryOperator.GreaterThan, new object[] { 5L }).GetRemainingAsync();
                        return items.Count;
                    }

                    async Task<int> Array(IDynamoDBContext context, string id)
                    {
                        var filters = new[] { new ScanCondition("Temperature", ScanOperator.LessThan, 0.0) };
                        var items = await context.QueryAsync<Reading>(id, new QueryConfig { QueryFilter = new List<ScanCondition>(filters) }).GetRemainingAsync();
                        return items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ContextScanConditionsLocalUsedElsewhere_NoFix()
        {
            const string source = """
                class Repo
                {
                    async Task<int> Hot(IDynamoDBContext context, string id)
                    {
                        var conditions = new List<ScanCondition> { new ScanCondition("DeviceId", ScanOperator.Equal, id), new ScanCondition("Temperature", ScanOperator.GreaterThan, 30.0) };
                        var items = await {|DLA1001:context.ScanAsync<Reading>(conditions)|}.GetRemainingAsync();
                        return items.Count + conditions.Count;
                    }

                    async Task<int> Added(IDynamoDBContext context, string id)
                    {
                        var conditions = new List<ScanCondition> { new ScanCondition("DeviceId", ScanOperator.Equal, id) };
                        conditions.Add(new ScanCondition("Temperature", ScanOperator.GreaterThan, 30.0));
                        var items = await {|DLA1001:context.ScanAsync<Reading>(conditions)|}.GetRemainingAsync();
                        return items.Count;
                    }

                    async Task<int> NotJustBefore(IDynamoDBContext context, string id)
                    {
                        var conditions = new List<ScanCondition> { new ScanCondition("DeviceId", ScanOperator.Equal, id) };
                        var n = id.Length;
                        var items = await {|DLA1001:context.ScanAsync<Reading>(conditions)|}.GetRemainingAsync();
                        return items.Count + n;
                    }

                    async Task<int> Twice(IDynamoDBContext context, string id)
                    {
                        var conditions = new List<ScanCondition> { new ScanCondition("DeviceId", ScanOperator.Equal, id) };
                        var first = await {|DLA1001:context.ScanAsync<Reading>(conditions)|}.GetRemainingAsync();
                        var second = await {|DLA1001:context.ScanAsync<Reading>(conditions)|}.GetRemainingAsync();
                        return first.Count + second.Count;
                    }
                }
                """;
            await RunAsync(source, source);
        }

        [Fact]
        public async Task SharedRequestOrLegacyFilterOrKeyInRemainder_NoFix()
        {
            const string source = """
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id)
                    {
                        var table = new TableBuilder(client, "Devices").Build();
                        var request = new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId = :id" };
                        var a = await {|DLA1001:client.ScanAsync(request)|};
                        request.Limit = 10;
                        var b = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId = :id AND attribute_exists(DeviceId)" })|};
                        var legacy = new Dictionary<string, Condition> { { "DeviceId", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } } } };
                        var c = await {|DLA1001:client.ScanAsync("Devices", legacy)|};
                        var shared = new ScanFilter();
                        shared.AddCondition("DeviceId", ScanOperator.Equal, 42);
                        var e = await {|DLA1001:table.Scan(shared)|}.GetRemainingAsync();
                        var later = new ScanRequest { TableName = "Devices" };
                        later.FilterExpression = "DeviceId = :id";
                        var d = await {|DLA1001:client.ScanAsync(later)|};
                        return a.Items.Count + b.Items.Count + c.Items.Count + d.Items.Count;
                    }
                }
                """;
            await RunAsync(source, source);
        }

        [Fact]
        public async Task FullPrimaryKeyFirstOrDefault_FixesWithLoad()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<Reading?> Find(IDynamoDBContext context, string id, long at)
                    {
                        var reading = (await [|context.ScanAsync<Reading>(new[] { new ScanCondition("DeviceId", ScanOperator.Equal, id), new ScanCondition("Timestamp", ScanOperator.Equal, at) })|].GetRemainingAsync()).FirstOrDefault();
                        return reading;
                    }
                }
                """, """
                class Repo
                {
                    async Task<Reading?> Find(IDynamoDBContext context, string id, long at)
                    {
                        var reading = await context.LoadAsync<Reading>(id, at);
                        return reading;
                    }
                }
                """, equivalenceKey: UseQueryInsteadOfScanFixer.LoadItemEquivalenceKey);
        }

        [Fact]
        public async Task FullPrimaryKeyFirstOrDefault_QueryActionStillOffered_Fixes()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<Reading?> Find(IDynamoDBContext context, string id, long at)
                    {
                        var reading = (await [|context.ScanAsync<Reading>(new[] { new ScanCondition("DeviceId", ScanOperator.Equal, id), new ScanCondition("Timestamp", ScanOperator.Equal, at) })|].GetRemainingAsync()).FirstOrDefault();
                        return reading;
                    }
                }
                """, """
                class Repo
                {
                    async Task<Reading?> Find(IDynamoDBContext context, string id, long at)
                    {
                        var reading = (await context.QueryAsync<Reading>(id, QueryOperator.Equal, new object[] { at }).GetRemainingAsync()).FirstOrDefault();
                        return reading;
                    }
                }
                """);
        }

        [Fact]
        public async Task LegacyScanFilterDictionary_FixesWithKeyConditionsAndQueryFilter()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id)
                    {
                        var response = await [|client.ScanAsync(new ScanRequest
                        {
                            TableName = "Devices",
                            ScanFilter = new Dictionary<string, Condition>
                            {
                                { "Temperature", new Condition { ComparisonOperator = ComparisonOperator.GT, AttributeValueList = new List<AttributeValue> { new AttributeValue { N = "30" } } } },
                                { "DeviceId", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } } },
                            },
                        })|];
                        return response.Items.Count;
                    }
                }
                """, """
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id)
                    {
                        var response = await client.QueryAsync(new QueryRequest
                        {
                            TableName = "Devices",
                            KeyConditions = new Dictionary<string, Condition>
                            {
                                { "DeviceId", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } } },
                            },
                            QueryFilter = new Dictionary<string, Condition>
                            {
                                { "Temperature", new Condition { ComparisonOperator = ComparisonOperator.GT, AttributeValueList = new List<AttributeValue> { new AttributeValue { N = "30" } } } },
                            },
                        });
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task TableNameScanFilterOverload_Fixes()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id, System.Threading.CancellationToken ct)
                    {
                        ScanResponse response = await [|client.ScanAsync("Devices", new List<string> { "Temperature" }, new Dictionary<string, Condition>
                        {
                            ["DeviceId"] = new Condition { ComparisonOperator = "EQ", AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } },
                        }, ct)|];
                        return response.Items.Count;
                    }
                }
                """, """
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id, System.Threading.CancellationToken ct)
                    {
                        QueryResponse response = await client.QueryAsync(new QueryRequest
                        {
                            TableName = "Devices",
                            AttributesToGet = new List<string> { "Temperature" },
                            KeyConditions = new Dictionary<string, Condition>
                            {
                                ["DeviceId"] = new Condition { ComparisonOperator = "EQ", AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } },
                            }
                        }, ct);
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task DocumentModelScanFilter_FixesWithQueryFilter()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id)
                    {
                        var table = new TableBuilder(client, "Devices").Build();
                        var filter = new ScanFilter();
                        filter.AddCondition("DeviceId", ScanOperator.Equal, id);
                        filter.AddCondition("Temperature", ScanOperator.GreaterThan, 30);
                        var documents = await [|table.Scan(filter)|].GetRemainingAsync();
                        return documents.Count;
                    }
                }
                """, """
                class Repo
                {
                    async Task<int> Hot(IAmazonDynamoDB client, string id)
                    {
                        var table = new TableBuilder(client, "Devices").Build();
                        var filter = new QueryFilter();
                        filter.AddCondition("Temperature", ScanOperator.GreaterThan, 30);
                        var documents = await table.Query(new Primitive(id), filter).GetRemainingAsync();
                        return documents.Count;
                    }
                }
                """);
        }
    }
}
