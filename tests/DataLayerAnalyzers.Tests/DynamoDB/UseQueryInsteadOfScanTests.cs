using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    public class UseQueryInsteadOfScanTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.DataModel;

            """;

        private const string Reading = """

            [DynamoDBTable("DeviceReadings")]
            public class Reading
            {
                [DynamoDBHashKey("device_id")] public string DeviceId { get; set; } = "";
                [DynamoDBRangeKey] public long Timestamp { get; set; }
                public double Temperature { get; set; }
                [DynamoDBGlobalSecondaryIndexHashKey("ByStatus")] public string ErrorStatus { get; set; } = "";
            }
            """;

        private static Task RunAsync(string source, string? tableKeys = null, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<UseQueryInsteadOfScanAnalyzer> { TestCode = Usings + source };
            if (tableKeys != null)
            {
                test.GlobalConfig.Add("dotnet_code_quality.DLA1001.table_keys = " + tableKeys);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Fact]
        public async Task FilterExpressionOnPartitionKeyFromEditorConfig_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var request = new ScanRequest
                        {
                            TableName = "Devices",
                            FilterExpression = "DeviceId = :id AND Temperature > :t",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = new AttributeValue { S = id }, [":t"] = new AttributeValue { N = "30" } },
                        };
                        var response = await {|#0:client.ScanAsync(request)|};
                        return response.Items.Count;
                    }
                }
                """, "Orders:OrderId, Devices:DeviceId/Timestamp",
                Verify<UseQueryInsteadOfScanAnalyzer>.Diagnostic("DLA1001").WithLocation(0).WithArguments("DeviceId", "table 'Devices'", ""));
        }

        [Fact]
        public async Task PlaceholderNameThroughConstants_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    private const string Table = "Devices";
                    private static readonly string KeyName = "DeviceId";
                    async Task<int> Count(AmazonDynamoDBClient client, string id)
                    {
                        var request = new ScanRequest(Table);
                        request.FilterExpression = "(#k = :id) AND attribute_exists(#t)";
                        request.ExpressionAttributeNames = new Dictionary<string, string> { { "#k", KeyName }, { "#t", "Temperature" } };
                        request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":id"] = new AttributeValue { S = id } };
                        var response = await [|client.ScanAsync(request)|];
                        return response.Items.Count;
                    }
                }
                """, "Devices:DeviceId/Timestamp");
        }

        [Fact]
        public async Task KeySchemaFromCreateTableRequest_Reports()
        {
            await RunAsync("""
                class Setup
                {
                    public const string TableName = "Devices";
                    public static CreateTableRequest Create() => new CreateTableRequest
                    {
                        TableName = TableName,
                        KeySchema = new List<KeySchemaElement>
                        {
                            new KeySchemaElement("DeviceId", KeyType.HASH),
                            new KeySchemaElement { AttributeName = "Timestamp", KeyType = KeyType.RANGE },
                        },
                    };
                }

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var response = await [|client.ScanAsync(new ScanRequest { TableName = Setup.TableName, FilterExpression = "DeviceId = :id", ExpressionAttributeValues = new() { [":id"] = new AttributeValue(id) } })|];
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task KeySchemaFromMappedClass_Reports()
        {
            await RunAsync(Reading + """

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var response = await [|client.ScanAsync(new ScanRequest { TableName = "DeviceReadings", FilterExpression = "device_id = :id", ExpressionAttributeValues = new() { [":id"] = new AttributeValue(id) } })|];
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task LegacyScanFilterWithEq_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var filter = new Dictionary<string, Condition>
                        {
                            { "DeviceId", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } } },
                        };
                        var a = await [|client.ScanAsync(new ScanRequest { TableName = "Devices", ScanFilter = filter })|];
                        var b = await [|client.ScanAsync("Devices", filter)|];
                        var c = await [|client.ScanAsync("Devices", new List<string> { "Temperature" }, filter)|];
                        return a.Items.Count + b.Items.Count + c.Items.Count;
                    }
                }
                """, "Devices:DeviceId");
        }

        [Fact]
        public async Task PaginatorScan_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var n = 0;
                        var request = new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId = :id" };
                        await foreach (var page in [|client.Paginators.Scan(request)|].Responses) { n += page.Items.Count; }
                        return n;
                    }
                }
                """, "Devices:DeviceId");
        }

        [Fact]
        public async Task DocumentModelScanFilterExpressionAndConfig_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    private readonly ITable _table;
                    public Repo(IAmazonDynamoDB client)
                    {
                        _table = new TableBuilder(client, "Devices").AddHashKey("DeviceId", DynamoDBEntryType.String).AddRangeKey("Timestamp", DynamoDBEntryType.Numeric).Build();
                    }

                    async Task<int> Count(string id)
                    {
                        var filter = new ScanFilter();
                        filter.AddCondition("DeviceId", ScanOperator.Equal, id);
                        var a = await [|_table.Scan(filter)|].GetRemainingAsync();
                        var expression = new Expression { ExpressionStatement = "#d = :id", ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "DeviceId" } };
                        expression.ExpressionAttributeValues[":id"] = id;
                        var b = await [|_table.Scan(expression)|].GetRemainingAsync();
                        var c = await [|_table.Scan(new ScanOperationConfig { FilterExpression = expression })|].GetRemainingAsync();
                        return a.Count + b.Count + c.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ObjectPersistenceScanConditionOnHashKeyProperty_Reports()
        {
            await RunAsync(Reading + """

                class Repo
                {
                    async Task<int> Count(IDynamoDBContext context, string id)
                    {
                        var a = await {|#0:context.ScanAsync<Reading>(new[] { new ScanCondition(nameof(Reading.DeviceId), ScanOperator.Equal, id), new ScanCondition("Temperature", ScanOperator.GreaterThan, 30) })|}.GetRemainingAsync();
                        var config = new ScanOperationConfig { Filter = new ScanFilter() };
                        return a.Count;
                    }
                }
                """, null,
                Verify<UseQueryInsteadOfScanAnalyzer>.Diagnostic("DLA1001").WithLocation(0).WithArguments("device_id", "table 'DeviceReadings'", ""));
        }

        [Fact]
        public async Task ScanOnNonKeyOrRangeOrOr_NoDiagnostic()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var a = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "Temperature > :t" });
                        var b = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId = :a OR DeviceId = :b" });
                        var c = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "begins_with(DeviceId, :p)" });
                        var d = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "NOT (DeviceId = :a)" });
                        var e = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId <> :a AND Temperature = :t" });
                        var f = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "Info.DeviceId = :a" });
                        var g = await client.ScanAsync(new ScanRequest { TableName = "Other", FilterExpression = "DeviceId = :a" });
                        var h = await client.ScanAsync(new ScanRequest { TableName = "Devices", IndexName = "ByStatus", FilterExpression = "DeviceId = :a" });
                        var i = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "#k = :a" });
                        var j = await client.QueryAsync(new QueryRequest { TableName = "Devices", KeyConditionExpression = "DeviceId = :a" });
                        return a.Items.Count + b.Items.Count + c.Items.Count + d.Items.Count + e.Items.Count + f.Items.Count + g.Items.Count + h.Items.Count + i.Items.Count + j.Items.Count;
                    }
                }
                """, "Devices:DeviceId");
        }

        [Fact]
        public async Task LegacyFilterWithOrOperatorOrNonEq_NoDiagnostic()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var filter = new Dictionary<string, Condition>
                        {
                            { "DeviceId", new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } } },
                            { "Temperature", new Condition { ComparisonOperator = ComparisonOperator.GT, AttributeValueList = new List<AttributeValue> { new AttributeValue { N = "3" } } } },
                        };
                        var a = await client.ScanAsync(new ScanRequest { TableName = "Devices", ScanFilter = filter, ConditionalOperator = ConditionalOperator.OR });
                        var b = await client.ScanAsync("Devices", new Dictionary<string, Condition> { { "DeviceId", new Condition { ComparisonOperator = ComparisonOperator.BEGINS_WITH, AttributeValueList = new List<AttributeValue> { new AttributeValue(id) } } } });
                        return a.Items.Count + b.Items.Count;
                    }
                }
                """, "Devices:DeviceId");
        }

        [Fact]
        public async Task ObjectPersistenceLookAlikes_NoDiagnostic()
        {
            await RunAsync(Reading + """

                public class Unmapped { public string DeviceId { get; set; } = ""; }

                class Repo
                {
                    async Task<int> Count(IDynamoDBContext context, string id)
                    {
                        // GSI hash key attribute derives from DynamoDBHashKey: not the table's partition key (a Query on the index).
                        var a = await {|#0:context.ScanAsync<Reading>(new[] { new ScanCondition("ErrorStatus", ScanOperator.Equal, "E1") })|}.GetRemainingAsync();
                        var b = await context.ScanAsync<Reading>(new[] { new ScanCondition("DeviceId", ScanOperator.BeginsWith, id) }).GetRemainingAsync();
                        var c = await context.ScanAsync<Unmapped>(new[] { new ScanCondition("DeviceId", ScanOperator.Equal, id) }).GetRemainingAsync();
                        var d = await context.ScanAsync<Reading>(new[] { new ScanCondition("DeviceId", ScanOperator.Equal, id) }, new ScanConfig { ConditionalOperator = ConditionalOperatorValues.Or }).GetRemainingAsync();
                        var e = await context.QueryAsync<Reading>(id).GetRemainingAsync();
                        return a.Count + b.Count + c.Count + d.Count + e.Count;
                    }
                }
                """, null,
                Verify<UseQueryInsteadOfScanAnalyzer>.Diagnostic("DLA1001").WithLocation(0)
                    .WithArguments("ErrorStatus", "global secondary index 'ByStatus' of table 'DeviceReadings'", "on index 'ByStatus' "));
        }

        [Fact]
        public async Task UserClassNamedTableWithScan_NoDiagnostic()
        {
            await RunAsync("""
                namespace Mine
                {
                    public class Table { public IEnumerable<string> Scan(string filter) => new List<string>(); }
                    class Repo
                    {
                        int Count(Table table) => new List<string>(table.Scan("DeviceId = :id")).Count;
                    }
                }
                """, "Devices:DeviceId");
        }

        [Fact]
        public async Task KeySchemaFromTableBuilderElsewhereAndLoadTable_Reports()
        {
            await RunAsync("""
                static class Tables
                {
                    public const string Devices = "Devices";
                    public static ITable Build(IAmazonDynamoDB client) => new TableBuilder(client, Devices).AddHashKey("DeviceId", DynamoDBEntryType.String).Build();
                }

                class Repo
                {
                #pragma warning disable CS0618 // LoadTable is obsolete in v4; still a shape users write
                    private readonly ITable _table;
                    public Repo(IAmazonDynamoDB client) { _table = Table.LoadTable(client, Tables.Devices); }
                #pragma warning restore CS0618

                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var config = new ScanOperationConfig { Filter = new ScanFilter() };
                        var filter = new ScanFilter();
                        filter.AddCondition("DeviceId", ScanOperator.Equal, id);
                        filter.AddCondition("Temperature", ScanOperator.GreaterThan, 30);
                        var a = await [|_table.Scan(filter)|].GetRemainingAsync();
                        var b = await [|client.ScanAsync(new ScanRequest { TableName = Tables.Devices, FilterExpression = "DeviceId = :id" })|];
                        return a.Count + b.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task FromScanAsyncWithConfigFilterExpression_Reports()
        {
            await RunAsync(Reading + """

                class Repo
                {
                    async Task<int> Count(IDynamoDBContext context, string id)
                    {
                        var expression = new Expression { ExpressionStatement = "device_id = :id" };
                        var readings = await [|context.FromScanAsync<Reading>(new ScanOperationConfig { FilterExpression = expression })|].GetRemainingAsync();
                        return readings.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task AmbiguousOrUnknownKeySchema_NoDiagnostic()
        {
            await RunAsync("""
                static class Setup
                {
                    public static CreateTableRequest A() => new CreateTableRequest { TableName = "Devices", KeySchema = new List<KeySchemaElement> { new KeySchemaElement("DeviceId", KeyType.HASH) } };
                    public static CreateTableRequest B() => new CreateTableRequest { TableName = "Devices", KeySchema = new List<KeySchemaElement> { new KeySchemaElement("SerialNumber", KeyType.HASH) } };
                }

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string table, string filter)
                    {
                        var a = await client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = "DeviceId = :id" });
                        var b = await client.ScanAsync(new ScanRequest { TableName = table, FilterExpression = "DeviceId = :id" });
                        var c = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = filter });
                        var d = await client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "OrderId = :id AND (" });
                        return a.Items.Count + b.Items.Count + c.Items.Count + d.Items.Count;
                    }
                }
                """, "Orders:OrderId");
        }

        [Fact]
        public async Task ParallelScanWithKeyEquality_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string id)
                    {
                        var a = await [|client.ScanAsync(new ScanRequest { TableName = "Orders", FilterExpression = "OrderId IN (:a) AND OrderId = :id", Segment = 0, TotalSegments = 2 })|];
                        return a.Items.Count;
                    }
                }
                """, "Orders:OrderId");
        }

        [Fact]
        public async Task V3Shapes_Reports()
        {
            var test = new AnalyzerTest<UseQueryInsteadOfScanAnalyzer> { References = ReferenceSet.FrameworkOnly };
            test.Sources.Add("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;
                using Amazon.DynamoDBv2.DocumentModel;

                [DynamoDBTable("Devices")]
                public class Reading { [DynamoDBHashKey] public string DeviceId { get; set; } = ""; public double Temperature { get; set; } }

                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, IDynamoDBContext context, string id)
                    {
                        var readings = await [|context.ScanAsync<Reading>(new[] { new ScanCondition("DeviceId", ScanOperator.Equal, id) })|].GetRemainingAsync();
                        var filter = new ScanFilter();
                        filter.AddCondition("DeviceId", ScanOperator.Equal, id);
                        var documents = await [|Table.LoadTable(client, "Devices").Scan(filter)|].GetRemainingAsync();
                        var other = await context.ScanAsync<Reading>(new[] { new ScanCondition("Temperature", ScanOperator.GreaterThan, 30) }).GetRemainingAsync();
                        return readings.Count + documents.Count + other.Count;
                    }
                }
                """);
            test.Sources.Add(V3Surface.Source);
            await test.RunAsync();
        }

        [Fact]
        public async Task HalfTypedCode_NoDiagnostic()
        {
            var test = new AnalyzerTest<UseQueryInsteadOfScanAnalyzer> { AllowCompilerErrors = true };
            test.TestCode = HalfTypedSources.DynamoDBCalls;
            await test.RunAsync();
        }

        [Fact]
        public async Task SharedDatalayerTableKeysOption_Reports()
        {
            var test = new AnalyzerTest<UseQueryInsteadOfScanAnalyzer> { TestCode = Usings + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await [|client.ScanAsync(new ScanRequest { TableName = "Ledger", FilterExpression = "AccountId = :a AND Amount > :m" })|];
                        return a.Items.Count;
                    }
                }
                """ };
            test.GlobalConfig.Add("dotnet_code_quality.datalayer.table_keys = Ledger:AccountId/TransactionId");
            await test.RunAsync();
        }
    }

    /// <summary>The DynamoDB condition-expression parser behind DLA1001/DLA1002 and the Scan→Query fix.</summary>
    public class ConditionExpressionParserTests
    {
        [Theory]
        [InlineData("DeviceId = :id", "DeviceId = :id")]
        [InlineData("#d = :id AND Temperature > :t", "#d = :id|Temperature > :t")]
        [InlineData("(a = :a OR b = :b) AND c <> :c", "(a = :a OR b = :b)|c <> :c")]
        [InlineData("a = :a and not begins_with(b, :p) AND c BETWEEN :x AND :y", "a = :a|not begins_with(b, :p)|c BETWEEN :x AND :y")]
        [InlineData("size(tags) >= :n AND attribute_exists(#t) AND x IN (:a, :b, :c)", "size(tags) >= :n|attribute_exists(#t)|x IN (:a, :b, :c)")]
        [InlineData("info.dims[2].#w <= :w", "info.dims[2].#w <= :w")]
        public void Parses_IntoTopLevelConjuncts(string text, string expected)
        {
            Assert.True(ConditionExpressionParser.TryParse(text, out var node));
            Assert.Equal(expected, string.Join("|", node.Conjuncts.Select(c => text.Substring(c.Start, c.Length))));
        }

        [Fact]
        public void OrBindsLooserThanAnd()
        {
            Assert.True(ConditionExpressionParser.TryParse("a = :a AND b = :b OR c = :c", out var node));
            Assert.Equal(ConditionKind.Or, node.Kind);
            Assert.Equal(ConditionKind.And, node.Children[0].Kind);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a = ")]
        [InlineData("a = :a AND")]
        [InlineData("(a = :a")]
        [InlineData("a BETWEEN :x")]
        [InlineData("a IN ()")]
        [InlineData("a == :a")]
        [InlineData("a = :a; DROP")]
        [InlineData("#")]
        public void Malformed_IsRejected(string text)
        {
            Assert.False(ConditionExpressionParser.TryParse(text, out _));
        }
    }
}
