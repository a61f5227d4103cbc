using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    public class DoNotReadConsistentlyFromGsiTests
    {
        private const string Header = """
            #pragma warning disable CS0618
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.DataModel;

            static class Schema
            {
                public static CreateTableRequest Ledger() => new CreateTableRequest
                {
                    TableName = "Ledger",
                    KeySchema = new List<KeySchemaElement> { new KeySchemaElement("AccountId", KeyType.HASH), new KeySchemaElement("EntryId", KeyType.RANGE) },
                    GlobalSecondaryIndexes = new List<GlobalSecondaryIndex>
                    {
                        new GlobalSecondaryIndex
                        {
                            IndexName = "ByStatus",
                            KeySchema = new List<KeySchemaElement> { new KeySchemaElement { AttributeName = "Status", KeyType = KeyType.HASH } },
                            Projection = new Projection { ProjectionType = ProjectionType.ALL },
                        },
                    },
                    LocalSecondaryIndexes = new List<LocalSecondaryIndex>
                    {
                        new LocalSecondaryIndex
                        {
                            IndexName = "ByAmount",
                            KeySchema = new List<KeySchemaElement> { new KeySchemaElement("AccountId", KeyType.HASH), new KeySchemaElement("Amount", KeyType.RANGE) },
                            Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                        },
                    },
                };
            }

            [DynamoDBTable("DeviceReadings")]
            public class Reading
            {
                [DynamoDBHashKey] public string DeviceId { get; set; } = "";
                [DynamoDBRangeKey] [DynamoDBLocalSecondaryIndexRangeKey("ByTemperature")] public double Temperature { get; set; }
                [DynamoDBGlobalSecondaryIndexHashKey("ByErrorStatus", "ByOwner")] public string ErrorStatus { get; set; } = "";
            }

            """;

        private static Task RunAsync(string source, params DiagnosticResult[] expected)
            => Verify<DoNotReadConsistentlyFromGsiAnalyzer>.AnalyzerAsync(Header + source, expected);

        [Fact]
        public async Task QueryRequestOnGsiFromCreateTableRequest_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    Task<QueryResponse> Open(IAmazonDynamoDB client) => client.QueryAsync(new QueryRequest
                    {
                        TableName = "Ledger",
                        IndexName = "ByStatus",
                        KeyConditionExpression = "#s = :s",
                        {|#0:ConsistentRead = true|},
                    });
                }
                """,
                Verify<DoNotReadConsistentlyFromGsiAnalyzer>.Diagnostic("DLA1005").WithLocation(0).WithArguments("ByStatus", "Query"));
        }

        [Fact]
        public async Task ScanRequestSetLaterThroughConstants_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    private const string Table = "Ledger";
                    private static readonly string Index = "ByStatus";
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var request = new ScanRequest(Table) { IndexName = Index };
                        [|request.ConsistentRead = true|];
                        var response = await client.ScanAsync(request);
                        return response.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task LocalSecondaryIndexAndTable_NoDiagnostic()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, bool strong)
                    {
                        var a = await client.QueryAsync(new QueryRequest { TableName = "Ledger", IndexName = "ByAmount", ConsistentRead = true });
                        var b = await client.QueryAsync(new QueryRequest { TableName = "Ledger", ConsistentRead = true });
                        var c = await client.QueryAsync(new QueryRequest { TableName = "Ledger", IndexName = "ByStatus", ConsistentRead = false });
                        var d = await client.QueryAsync(new QueryRequest { TableName = "Ledger", IndexName = "ByStatus", ConsistentRead = strong });
                        var e = await client.QueryAsync(new QueryRequest { TableName = "Ledger", IndexName = "ByStatus" });
                        return a.Items.Count + b.Items.Count + c.Items.Count + d.Items.Count + e.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task UnknownIndexOrIndexOfAnotherTable_NoDiagnostic()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client, string table)
                    {
                        var a = await client.QueryAsync(new QueryRequest { TableName = "Ledger", IndexName = "ByCustomer", ConsistentRead = true });
                        var b = await client.QueryAsync(new QueryRequest { TableName = "Archive", IndexName = "ByStatus", ConsistentRead = true });
                        var c = await client.QueryAsync(new QueryRequest { TableName = table, IndexName = "ByNothing", ConsistentRead = true });
                        return a.Items.Count + b.Items.Count + c.Items.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task TableNameUnknownButIndexNameIsAGsi_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    Task<QueryResponse> Open(IAmazonDynamoDB client, string table)
                        => client.QueryAsync(new QueryRequest { TableName = table, IndexName = "ByStatus", [|ConsistentRead = true|] });
                }
                """);
        }

        [Fact]
        public async Task DocumentModelConfigsOnTableBuilderGsi_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Open(IAmazonDynamoDB client)
                    {
                        var table = new TableBuilder(client, "Orders")
                            .AddHashKey("OrderId", DynamoDBEntryType.String)
                            .AddGlobalSecondaryIndex("ByCustomer", "CustomerId", DynamoDBEntryType.String)
                            .AddLocalSecondaryIndex("ByDate", "OrderDate", DynamoDBEntryType.String)
                            .Build();
                        var a = await table.Query(new QueryOperationConfig { IndexName = "ByCustomer", [|ConsistentRead = true|], Filter = new QueryFilter("CustomerId", QueryOperator.Equal, "c-1") }).GetRemainingAsync();
                        var b = await table.Scan(new ScanOperationConfig { IndexName = "ByCustomer", [|ConsistentRead = true|] }).GetRemainingAsync();
                        var c = await table.Query(new QueryDocumentOperationRequest { IndexName = "ByCustomer", [|ConsistentRead = true|] }).GetRemainingAsync();
                        var d = await table.Scan(new ScanDocumentOperationRequest { IndexName = "ByCustomer", [|ConsistentRead = true|] }).GetRemainingAsync();
                        var e = await table.Query(new QueryOperationConfig { IndexName = "ByDate", ConsistentRead = true, Filter = new QueryFilter("OrderId", QueryOperator.Equal, "o-1") }).GetRemainingAsync();
                        return a.Count + b.Count + c.Count + d.Count + e.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task DocumentModelTableLoadedByNameUsesThatTablesIndexes_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Open(IAmazonDynamoDB client)
                    {
                        var ledger = Table.LoadTable(client, "Ledger");
                        var a = await ledger.Scan(new ScanOperationConfig { IndexName = "ByStatus", [|ConsistentRead = true|] }).GetRemainingAsync();
                        var b = await ledger.Scan(new ScanOperationConfig { IndexName = "ByAmount", ConsistentRead = true }).GetRemainingAsync();
                        return a.Count + b.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ObjectModelConfigsOnAttributeGsi_Reports()
        {
            await RunAsync("""
                class Repo
                {
                    async Task<int> Open(IDynamoDBContext context)
                    {
                        var a = await context.QueryAsync<Reading>("E42", new QueryConfig { IndexName = "ByErrorStatus", [|ConsistentRead = true|] }).GetRemainingAsync();
                        var b = await context.ScanAsync<Reading>(new List<ScanCondition>(), new ScanConfig { IndexName = "ByOwner", [|ConsistentRead = true|] }).GetRemainingAsync();
                        var c = await context.QueryAsync<Reading>("E42", new DynamoDBOperationConfig { IndexName = "ByErrorStatus", [|ConsistentRead = true|] }).GetRemainingAsync();
                        var d = await context.QueryAsync<Reading>("d-1", new QueryConfig { IndexName = "ByTemperature", ConsistentRead = true }).GetRemainingAsync();
                        var e = await context.QueryAsync<Reading>("d-1", new QueryConfig { ConsistentRead = true }).GetRemainingAsync();
                        return a.Count + b.Count + c.Count + d.Count + e.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task ObjectModelClassWithoutTableAttribute_Reports()
        {
            await RunAsync("""
                public class Invoice
                {
                    [DynamoDBHashKey] public string InvoiceId { get; set; } = "";
                    [DynamoDBGlobalSecondaryIndexHashKey("ByCustomer")] public string CustomerId { get; set; } = "";
                }

                class Repo
                {
                    Task<List<Invoice>> Open(IDynamoDBContext context)
                        => context.QueryAsync<Invoice>("c-1", new QueryConfig { IndexName = "ByCustomer", [|ConsistentRead = true|] }).GetRemainingAsync();
                }
                """);
        }

        [Fact]
        public async Task LookAlikeTypes_NoDiagnostic()
        {
            await RunAsync("""
                namespace Mine
                {
                    public class QueryRequest { public string TableName { get; set; } = ""; public string IndexName { get; set; } = ""; public bool ConsistentRead { get; set; } }
                    class Repo
                    {
                        object Make() => new QueryRequest { TableName = "Ledger", IndexName = "ByStatus", ConsistentRead = true };
                    }
                }
                """);
        }

        [Fact]
        public async Task HalfTypedCode_NoDiagnostic()
        {
            var test = new AnalyzerTest<DoNotReadConsistentlyFromGsiAnalyzer> { AllowCompilerErrors = true };
            test.TestCode = HalfTypedSources.DynamoDBCalls + """

                class Broken
                {
                    object A(Amazon.DynamoDBv2.IAmazonDynamoDB c) => new Amazon.DynamoDBv2.Model.QueryRequest { IndexName = , ConsistentRead = true };
                    object B() => new Amazon.DynamoDBv2.Model.CreateTableRequest { TableName = "T", GlobalSecondaryIndexes = new() { new() { IndexName = } } };
                }
                """;
            await test.RunAsync();
        }

        [Fact]
        public async Task FrameworkOnly_NoDiagnostic()
        {
            var test = new AnalyzerTest<DoNotReadConsistentlyFromGsiAnalyzer> { References = ReferenceSet.FrameworkOnly };
            test.TestCode = """
                class QueryRequest { public string IndexName { get; set; } = ""; public bool ConsistentRead { get; set; } }
                class Repo { object A() => new QueryRequest { IndexName = "ByStatus", ConsistentRead = true }; }
                """;
            await test.RunAsync();
        }

        [Fact]
        public async Task InitializerMemberAndStatement_Fixes()
        {
            await Verify<DoNotReadConsistentlyFromGsiAnalyzer>.CodeFixAsync<DoNotReadConsistentlyFromGsiFixer>(Header + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await client.QueryAsync(new QueryRequest
                        {
                            TableName = "Ledger",
                            IndexName = "ByStatus",
                            [|ConsistentRead = true|],
                            KeyConditionExpression = "#s = :s",
                        });
                        var request = new ScanRequest("Ledger") { IndexName = "ByStatus" };
                        [|request.ConsistentRead = true|];
                        var b = await client.ScanAsync(request);
                        return a.Items.Count + b.Items.Count;
                    }
                }
                """, Header + """
                class Repo
                {
                    async Task<int> Count(IAmazonDynamoDB client)
                    {
                        var a = await client.QueryAsync(new QueryRequest
                        {
                            TableName = "Ledger",
                            IndexName = "ByStatus",
                            KeyConditionExpression = "#s = :s",
                        });
                        var request = new ScanRequest("Ledger") { IndexName = "ByStatus" };
                        var b = await client.ScanAsync(request);
                        return a.Items.Count + b.Items.Count;
                    }
                }
                """, DoNotReadConsistentlyFromGsiFixer.EquivalenceKey);
        }

        [Fact]
        public async Task LastInitializerMemberOnOneLine_Fixes()
        {
            await Verify<DoNotReadConsistentlyFromGsiAnalyzer>.CodeFixAsync<DoNotReadConsistentlyFromGsiFixer>(Header + """
                class Repo
                {
                    Task<List<Reading>> Open(IDynamoDBContext context)
                        => context.QueryAsync<Reading>("E42", new QueryConfig { IndexName = "ByErrorStatus", [|ConsistentRead = true|] }).GetRemainingAsync();
                }
                """, Header + """
                class Repo
                {
                    Task<List<Reading>> Open(IDynamoDBContext context)
                        => context.QueryAsync<Reading>("E42", new QueryConfig { IndexName = "ByErrorStatus" }).GetRemainingAsync();
                }
                """, DoNotReadConsistentlyFromGsiFixer.EquivalenceKey);
        }
    }
}
