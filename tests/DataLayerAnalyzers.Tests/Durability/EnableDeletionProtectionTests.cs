using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Durability;
using DataLayerAnalyzers.Durability;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Durability.EnableDeletionProtectionAnalyzer>;

namespace DataLayerAnalyzers.Tests.Durability
{
    public class EnableDeletionProtectionTests
    {
        private static string Code(string body) => $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class Provisioner
            {
                private const bool Protect = false;
                private readonly IAmazonRDS _rds;
                private readonly IAmazonDynamoDB _dynamo;

                public Provisioner(IAmazonRDS rds, IAmazonDynamoDB dynamo)
                {
                    _rds = rds;
                    _dynamo = dynamo;
                }

            {{body}}
            }
            """;

        [Theory]
        [InlineData("CreateDBInstanceRequest")]
        [InlineData("CreateDBClusterRequest")]
        [InlineData("RestoreDBInstanceFromDBSnapshotRequest")]
        [InlineData("RestoreDBClusterFromSnapshotRequest")]
        [InlineData("CreateDBInstanceReadReplicaRequest")]
        public async Task RdsCreateAndRestore_Reports(string type)
        {
            var source = Code($$"""
                    public object Build() => new Amazon.RDS.Model.{{type}} { {|#0:DeletionProtection = false|} };
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA5003").WithLocation(0).WithArguments("DeletionProtection", type));
        }

        [Fact]
        public async Task DynamoDbCreateTable_Reports()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateTableRequest("Orders", new List<KeySchemaElement> { new KeySchemaElement("OrderId", KeyType.HASH) })
                        {
                            BillingMode = BillingMode.PAY_PER_REQUEST,
                            {|#0:DeletionProtectionEnabled = false|},
                        };
                        await _dynamo.CreateTableAsync(request);
                    }
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA5003").WithLocation(0).WithArguments("DeletionProtectionEnabled", "CreateTableRequest"));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task ConstantLocalAndLaterAssignment_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", DeletionProtection = true };
                        [|request.DeletionProtection = Protect|];
                        await _rds.CreateDBInstanceAsync(request);
                        var keep = false;
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { [|DeletionProtection = keep|] });
                    }
                """);
            await new AnalyzerTest<EnableDeletionProtectionAnalyzer> { TestCode = source, References = references }.RunAsync();
        }

        [Fact]
        public async Task DecommissioningThroughModify_NoDiagnostic()
        {
            var source = Code("""
                    public async Task DecommissionAsync(string id)
                    {
                        await _rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest(id) { DeletionProtection = false, ApplyImmediately = true });
                        await _rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest(id) { FinalDBSnapshotIdentifier = id + "-final" });
                        await _dynamo.UpdateTableAsync(new UpdateTableRequest { TableName = "Orders", DeletionProtectionEnabled = false });
                    }

                    public async Task CreateAsync(bool protect)
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DeletionProtection = true });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DeletionProtection = protect });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest());
                        var response = await _rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());
                        response.DBInstances[0].DeletionProtection = false;
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task FalseOnRdsAndDynamoDb_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { DBClusterIdentifier = "orders", [|DeletionProtection = false|] });
                        var table = new CreateTableRequest { TableName = "Orders" };
                        [|table.DeletionProtectionEnabled = false|];
                        await _dynamo.CreateTableAsync(table);
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { DBClusterIdentifier = "orders", DeletionProtection = true });
                        var table = new CreateTableRequest { TableName = "Orders" };
                        table.DeletionProtectionEnabled = true;
                        await _dynamo.CreateTableAsync(table);
                    }
                """);
            await VerifyCS.CodeFixAsync<EnableDeletionProtectionFixer>(source, fixedSource, EnableDeletionProtectionFixer.EquivalenceKey);
        }
    }
}
