using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Tests.Cdk;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    /// <summary>DLA1001 on global secondary indexes: a Scan fixing an index's partition key is a Query on that index.</summary>
    public class UseQueryInsteadOfScanOnIndexTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.DataModel;

            """;

        /// <summary>
        /// Table Orders (OrderId) with GSI ByStatus (Status / PlacedAt) of the given projection, and an LSI ByTotal (OrderId / Total).
        /// </summary>
        private static string Orders(string projection) => Usings + $$"""
            static class Schema
            {
                public static CreateTableRequest Orders() => new CreateTableRequest
                {
                    TableName = "Orders",
                    KeySchema = new List<KeySchemaElement> { new KeySchemaElement { AttributeName = "OrderId", KeyType = KeyType.HASH } },
                    GlobalSecondaryIndexes = new List<GlobalSecondaryIndex>
                    {
                        new GlobalSecondaryIndex
                        {
                            IndexName = "ByStatus",
                            KeySchema = new List<KeySchemaElement>
                            {
                                new KeySchemaElement { AttributeName = "Status", KeyType = KeyType.HASH },
                                new KeySchemaElement { AttributeName = "PlacedAt", KeyType = KeyType.RANGE },
                            },
                            Projection = {{projection}},
                        },
                    },
                    LocalSecondaryIndexes = new List<LocalSecondaryIndex>
                    {
                        new LocalSecondaryIndex
                        {
                            IndexName = "ByTotal",
                            KeySchema = new List<KeySchemaElement>
                            {
                                new KeySchemaElement { AttributeName = "OrderId", KeyType = KeyType.HASH },
                                new KeySchemaElement { AttributeName = "Total", KeyType = KeyType.RANGE },
                            },
                            Projection = new Projection { ProjectionType = ProjectionType.ALL },
                        },
                    },
                };
            }

            """;

        private const string All = "new Projection { ProjectionType = ProjectionType.ALL }";
        private const string KeysOnly = "new Projection { ProjectionType = ProjectionType.KEYS_ONLY }";
        private const string Include = """new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = new List<string> { "Total" } }""";

        private static DiagnosticResult OnIndex(int location, string key, string index, string table)
            => Verify<UseQueryInsteadOfScanAnalyzer>.Diagnostic("DLA1001").WithLocation(location)
                .WithArguments(key, "global secondary index '" + index + "' of table '" + table + "'", "on index '" + index + "' ");

        private static Task AnalyzeAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<UseQueryInsteadOfScanAnalyzer> { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static Task FixAsync(string source, string fixedSource, string? batchFixed = null)
        {
            var test = new CodeFixTest<UseQueryInsteadOfScanAnalyzer, UseQueryInsteadOfScanFixer>
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = UseQueryInsteadOfScanFixer.EquivalenceKey,
            };
            if (batchFixed != null)
            {
                test.BatchFixedCode = batchFixed;
            }

            return test.RunAsync();
        }

        [Fact]
        public async Task LowLevelFilterOnGsiPartitionKey_ReportsNamingTheIndex()
        {
            await AnalyzeAsync(Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string status)
                    {
                        var a = await {|#0:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Total > :t AND #s = :s", ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "Status" } })|};
                        var legacy = new Dictionary<string, Condition> { { "Status", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(status) } } } };
                        var b = await {|#1:client.ScanAsync("Orders", legacy)|};
                        await foreach (var page in {|#2:client.Paginators.Scan(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s AND PlacedAt > :p" })|}.Responses) { }
                        return a.Items.Count + b.Items.Count;
                    }
                }
                """, OnIndex(0, "Status", "ByStatus", "Orders"), OnIndex(1, "Status", "ByStatus", "Orders"), OnIndex(2, "Status", "ByStatus", "Orders"));
        }

        [Fact]
        public async Task TableKeyWinsOverIndexKey_ReportsTheTable()
        {
            await AnalyzeAsync(Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await {|#0:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s AND OrderId = :o" })|};
                        return a.Items.Count;
                    }
                }
                """, Verify<UseQueryInsteadOfScanAnalyzer>.Diagnostic("DLA1001").WithLocation(0).WithArguments("OrderId", "table 'Orders'", ""));
        }

        [Fact]
        public async Task IndexKeyEquality_IsLeftToDla1001_Dla1002ReportsTheRest()
        {
            var test = new AnalyzerTest<AvoidFullTableScanAnalyzer>
            {
                TestCode = Orders(All) + """
                    class Repo
                    {
                        async Task<int> Count(IAmazonDynamoDB client)
                        {
                            var a = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s" });
                            var b = await {|#0:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "begins_with(Status, :p)" })|};
                            return a.Items.Count + b.Items.Count;
                        }
                    }
                    """,
            };
            test.ExpectedDiagnostics.Add(Verify<AvoidFullTableScanAnalyzer>.Diagnostic("DLA1002").WithLocation(0)
                .WithArguments("its filter is on non-key attributes and is applied after the items are read"));
            await test.RunAsync();
        }

        [Fact]
        public async Task IndexLookAlikes_NoDiagnostic()
        {
            await AnalyzeAsync(Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        // non-key attribute; the index key not as an equality every result meets; the LSI's sort key; another table;
                        // a scan of the index itself; the GSI's sort key alone.
                        var a = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Total > :t" });
                        var b = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :a OR Status = :b" });
                        var c = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "begins_with(Status, :p)" });
                        var d = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Total = :t" });
                        var e = await client.ScanAsync(new ScanRequest { TableName = "Invoices", FilterExpression = "Status = :s" });
                        var f = await client.ScanAsync(new ScanRequest { TableName = "Orders", IndexName = "ByStatus", FilterExpression = "Status = :s" });
                        var g = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "PlacedAt = :p" });
                        var h = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Info.Status = :s" });
                        return a.Items.Count + b.Items.Count + c.Items.Count + d.Items.Count + e.Items.Count + f.Items.Count + g.Items.Count + h.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task DocumentAndObjectModels_Report()
        {
            await AnalyzeAsync(Usings + """
                [DynamoDBTable("Readings")]
                public class Reading
                {
                    [DynamoDBHashKey] public string DeviceId { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexHashKey("ByStatus")] public string ErrorStatus { get; set; } = "";
                    public double Temperature { get; set; }
                }

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, IDynamoDBContext context, string status)
                    {
                        var table = new TableBuilder(client, "Devices").AddHashKey("DeviceId", DynamoDBEntryType.String)
                            .AddGlobalSecondaryIndex("ByError", "Error", DynamoDBEntryType.String).Build();
                        var filter = new ScanFilter();
                        filter.AddCondition("Error", ScanOperator.Equal, status);
                        var a = await {|#0:table.Scan(filter)|}.GetRemainingAsync();
                        var b = await {|#1:context.ScanAsync<Reading>(new[] { new ScanCondition(nameof(Reading.ErrorStatus), ScanOperator.Equal, status) })|}.GetRemainingAsync();
                        var c = await context.ScanAsync<Reading>(new[] { new ScanCondition(nameof(Reading.Temperature), ScanOperator.Equal, 3.0) }).GetRemainingAsync();
                        return a.Count + b.Count + c.Count;
                    }
                }
                """, OnIndex(0, "Error", "ByError", "Devices"), OnIndex(1, "ErrorStatus", "ByStatus", "Readings"));
        }

        [Fact]
        public async Task CdkTableAndTableV2Indexes_Report()
        {
            await CdkTest.AnalyzeAsync<UseQueryInsteadOfScanAnalyzer>(CdkTest.TableStack("""
                        var orders = new Table(this, "Orders", new TableProps
                        {
                            TableName = "Orders",
                            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "OrderId", Type = AttributeType.STRING },
                        });
                        orders.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                        {
                            IndexName = "ByCustomer",
                            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "CustomerId", Type = AttributeType.STRING },
                        });
                        new TableV2(this, "Events", new TablePropsV2
                        {
                            TableName = "Events",
                            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "EventId", Type = AttributeType.STRING },
                            GlobalSecondaryIndexes = new[]
                            {
                                new GlobalSecondaryIndexPropsV2
                                {
                                    IndexName = "BySource",
                                    PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "Source", Type = AttributeType.STRING },
                                    ProjectionType = ProjectionType.KEYS_ONLY,
                                },
                            },
                        });
                """, """

                    static async Task<int> Count(Amazon.DynamoDBv2.IAmazonDynamoDB client)
                    {
                        var a = await {|#0:client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = "Orders", FilterExpression = "CustomerId = :c" })|};
                        var b = await {|#1:client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = "Events", FilterExpression = "Source = :s" })|};
                        var c = await client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = "Events", FilterExpression = "Detail = :d" });
                        return a.Items.Count + b.Items.Count + c.Items.Count;
                    }
                """).Replace("using Constructs;", "using Constructs;\nusing System.Threading.Tasks;"),
                OnIndex(0, "CustomerId", "ByCustomer", "Orders"), OnIndex(1, "Source", "BySource", "Events"));
        }

        [Fact]
        public async Task CdkIndexWithDefaultProjection_FixesAndKeysOnly_DoesNot()
        {
            static string Stack(string scans) => CdkTest.TableStack("""
                        var orders = new Table(this, "Orders", new TableProps
                        {
                            TableName = "Orders",
                            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "OrderId", Type = AttributeType.STRING },
                        });
                        orders.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                        {
                            IndexName = "ByCustomer",
                            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "CustomerId", Type = AttributeType.STRING },
                        });
                        orders.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                        {
                            IndexName = "ByRegion",
                            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "Region", Type = AttributeType.STRING },
                            ProjectionType = ProjectionType.KEYS_ONLY,
                        });
                """, scans).Replace("using Constructs;", "using Constructs;\nusing System.Threading.Tasks;");

            await CdkTest.FixAsync<UseQueryInsteadOfScanAnalyzer, UseQueryInsteadOfScanFixer>(Stack("""

                    static async Task<int> Count(Amazon.DynamoDBv2.IAmazonDynamoDB client)
                    {
                        var a = await [|client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = "Orders", FilterExpression = "CustomerId = :c" })|];
                        var b = await {|DLA1001:client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = "Orders", FilterExpression = "Region = :r" })|};
                        return a.Items.Count + b.Items.Count;
                    }
                """), Stack("""

                    static async Task<int> Count(Amazon.DynamoDBv2.IAmazonDynamoDB client)
                    {
                        var a = await client.QueryAsync(new Amazon.DynamoDBv2.Model.QueryRequest { TableName = "Orders", IndexName = "ByCustomer", KeyConditionExpression = "CustomerId = :c" });
                        var b = await {|DLA1001:client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = "Orders", FilterExpression = "Region = :r" })|};
                        return a.Items.Count + b.Items.Count;
                    }
                """), UseQueryInsteadOfScanFixer.EquivalenceKey);
        }

        [Fact]
        public async Task InlineRequestOnAllProjection_Fixes()
        {
            await FixAsync(Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        ScanResponse response = await [|client.ScanAsync(new ScanRequest
                        {
                            TableName = "Orders",
                            FilterExpression = "Total > :t AND #s = :s AND PlacedAt >= :from",
                            ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "Status" },
                        })|];
                        return response.Items.Count;
                    }
                }
                """, Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        QueryResponse response = await client.QueryAsync(new QueryRequest
                        {
                            TableName = "Orders",
                            IndexName = "ByStatus",
                            KeyConditionExpression = "#s = :s AND PlacedAt >= :from",
                            FilterExpression = "Total > :t",
                            ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "Status" },
                        });
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task KeysOnlyReadingKeysAndIncludeCoveringReads_Fixes()
        {
            await FixAsync(Orders(KeysOnly) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var ids = await [|client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s", ProjectionExpression = "OrderId, PlacedAt" })|];
                        var count = await [|client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s", Select = Select.COUNT })|];
                        return ids.Items.Count + (count.Count ?? 0);
                    }
                }
                """, Orders(KeysOnly) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var ids = await client.QueryAsync(new QueryRequest { TableName = "Orders", IndexName = "ByStatus", KeyConditionExpression = "Status = :s", ProjectionExpression = "OrderId, PlacedAt" });
                        var count = await client.QueryAsync(new QueryRequest { TableName = "Orders", IndexName = "ByStatus", KeyConditionExpression = "Status = :s", Select = Select.COUNT });
                        return ids.Items.Count + (count.Count ?? 0);
                    }
                }
                """);
            await FixAsync(Orders(Include) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var totals = await [|client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s AND Total > :t", ProjectionExpression = "OrderId, Total" })|];
                        return totals.Items.Count;
                    }
                }
                """, Orders(Include) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var totals = await client.QueryAsync(new QueryRequest { TableName = "Orders", IndexName = "ByStatus", KeyConditionExpression = "Status = :s", FilterExpression = "Total > :t", ProjectionExpression = "OrderId, Total" });
                        return totals.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ProjectionMissingWhatTheCodeReads_ReportsWithoutFix()
        {
            // KEYS_ONLY: the whole item is read (no ProjectionExpression), or an attribute the index lacks is asked for or
            // filtered on; INCLUDE without the attribute; the object model (whose reads cannot be bounded) on a KEYS_ONLY index.
            var source = Orders(KeysOnly) + """
                [DynamoDBTable("Orders")]
                public class Order
                {
                    [DynamoDBHashKey] public string OrderId { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexHashKey("ByStatus")] public string Status { get; set; } = "";
                    public double Total { get; set; }
                }

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, IDynamoDBContext context, string status)
                    {
                        var a = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s" })|};
                        var b = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s", ProjectionExpression = "OrderId, Total" })|};
                        var c = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s AND Total > :t", ProjectionExpression = "OrderId" })|};
                        var d = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s", Select = Select.ALL_ATTRIBUTES, ProjectionExpression = "OrderId" })|};
                        var e = await {|DLA1001:context.ScanAsync<Order>(new[] { new ScanCondition("Status", ScanOperator.Equal, status) })|}.GetRemainingAsync();
                        return a.Items.Count + b.Items.Count + c.Items.Count + d.Items.Count + e.Count;
                    }
                }
                """;
            await FixAsync(source, source);
        }

        [Fact]
        public async Task StronglyConsistentScan_ReportsWithoutFix()
        {
            // A GSI serves only eventually consistent reads: the Query would fail with ConsistentRead = true (DLA1005).
            var source = Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, bool consistent)
                    {
                        var a = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s", ConsistentRead = true })|};
                        var b = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s", ConsistentRead = consistent })|};
                        return a.Items.Count + b.Items.Count;
                    }
                }
                """;
            await FixAsync(source, source);
            await FixAsync(Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await [|client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s", ConsistentRead = false })|];
                        return a.Items.Count;
                    }
                }
                """, Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await client.QueryAsync(new QueryRequest { TableName = "Orders", IndexName = "ByStatus", KeyConditionExpression = "Status = :s", ConsistentRead = false });
                        return a.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task UnknownProjection_ReportsWithoutFix()
        {
            // Attributes and TableBuilder say nothing about the projection: only an ALL projection declared somewhere serves the fix.
            var source = Usings + """
                [DynamoDBTable("Readings")]
                public class Reading
                {
                    [DynamoDBHashKey] public string DeviceId { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexHashKey("ByStatus")] public string ErrorStatus { get; set; } = "";
                }

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, IDynamoDBContext context, string status)
                    {
                        var table = new TableBuilder(client, "Devices").AddHashKey("DeviceId", DynamoDBEntryType.String)
                            .AddGlobalSecondaryIndex("ByError", "Error", DynamoDBEntryType.String).Build();
                        var filter = new ScanFilter();
                        filter.AddCondition("Error", ScanOperator.Equal, status);
                        var a = await {|DLA1001:table.Scan(filter)|}.GetRemainingAsync();
                        var b = await {|DLA1001:context.ScanAsync<Reading>(new[] { new ScanCondition("ErrorStatus", ScanOperator.Equal, status) })|}.GetRemainingAsync();
                        var c = await {|DLA1001:client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "Error = :e" })|};
                        return a.Count + b.Count + c.Items.Count;
                    }
                }
                """;
            await FixAsync(source, source);
        }

        [Fact]
        public async Task TableNameOverloadOnAllProjection_Fixes()
        {
            await FixAsync(Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string status)
                    {
                        var response = await [|client.ScanAsync("Orders", new Dictionary<string, Condition> { { "Status", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(status) } } } })|];
                        return response.Items.Count;
                    }
                }
                """, Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string status)
                    {
                        var response = await client.QueryAsync(new QueryRequest { TableName = "Orders", IndexName = "ByStatus", KeyConditions = new Dictionary<string, Condition> { { "Status", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(status) } } } } });
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task DocumentModelOnDescribedTable_FixesWithQueryOperationConfig()
        {
            await FixAsync(Orders(All) + """
                class Repo
                {
                #pragma warning disable CS0618 // LoadTable is obsolete in v4; still a shape users write
                    private readonly ITable _orders;
                    public Repo(IAmazonDynamoDB client) { _orders = Table.LoadTable(client, "Orders"); }
                #pragma warning restore CS0618

                    async Task<int> Count(string status)
                    {
                        var filter = new ScanFilter();
                        filter.AddCondition("Status", ScanOperator.Equal, status);
                        filter.AddCondition("Total", ScanOperator.GreaterThan, 100);
                        var orders = await [|_orders.Scan(filter)|].GetRemainingAsync();
                        return orders.Count;
                    }
                }
                """, Orders(All) + """
                class Repo
                {
                #pragma warning disable CS0618 // LoadTable is obsolete in v4; still a shape users write
                    private readonly ITable _orders;
                    public Repo(IAmazonDynamoDB client) { _orders = Table.LoadTable(client, "Orders"); }
                #pragma warning restore CS0618

                    async Task<int> Count(string status)
                    {
                        var filter = new QueryFilter();
                        filter.AddCondition("Status", ScanOperator.Equal, status);
                        filter.AddCondition("Total", ScanOperator.GreaterThan, 100);
                        var orders = await _orders.Query(new QueryOperationConfig { IndexName = "ByStatus", Filter = filter }).GetRemainingAsync();
                        return orders.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ObjectModelOnAllProjection_FixesWithQueryConfig()
        {
            const string order = """
                [DynamoDBTable("Orders")]
                public class Order
                {
                    [DynamoDBHashKey] public string OrderId { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexHashKey("ByStatus")] public string Status { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexRangeKey("ByStatus")] public long PlacedAt { get; set; }
                    public double Total { get; set; }
                }

                """;
            await FixAsync(Orders(All) + order + """
                class Repo
                {
                    async Task<int> Count(IDynamoDBContext context, string status)
                    {
                        var a = await [|context.ScanAsync<Order>(new[] { new ScanCondition("Status", ScanOperator.Equal, status) })|].GetRemainingAsync();
                        var b = await [|context.ScanAsync<Order>(new[] { new ScanCondition("Total", ScanOperator.GreaterThan, 10.0), new ScanCondition("Status", ScanOperator.Equal, status), new ScanCondition("PlacedAt", ScanOperator.GreaterThan, 5L) })|].GetRemainingAsync();
                        return a.Count + b.Count;
                    }
                }
                """, Orders(All) + order + """
                class Repo
                {
                    async Task<int> Count(IDynamoDBContext context, string status)
                    {
                        var a = await context.QueryAsync<Order>(status, new QueryConfig { IndexName = "ByStatus" }).GetRemainingAsync();
                        var b = await context.QueryAsync<Order>(status, QueryOperator.GreaterThan, new object[] { 5L }, new QueryConfig { IndexName = "ByStatus", QueryFilter = new List<ScanCondition> { new ScanCondition("Total", ScanOperator.GreaterThan, 10.0) } }).GetRemainingAsync();
                        return a.Count + b.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task TableAndIndexScansInOneFile_FixesAll()
        {
            await FixAsync(Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await [|client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "Status = :s" })|];
                        var b = await [|client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "OrderId = :o" })|];
                        var c = await [|client.ScanAsync(new ScanRequest { FilterExpression = "Status = :s AND Total > :t", TableName = "Orders" })|];
                        return a.Items.Count + b.Items.Count + c.Items.Count;
                    }
                }
                """, Orders(All) + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await client.QueryAsync(new QueryRequest { TableName = "Orders", IndexName = "ByStatus", KeyConditionExpression = "Status = :s" });
                        var b = await client.QueryAsync(new QueryRequest { TableName = "Orders", KeyConditionExpression = "OrderId = :o" });
                        var c = await client.QueryAsync(new QueryRequest { KeyConditionExpression = "Status = :s", FilterExpression = "Total > :t", TableName = "Orders", IndexName = "ByStatus" });
                        return a.Items.Count + b.Items.Count + c.Items.Count;
                    }
                }
                """);
        }
    }
}
