using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Durability;
using DataLayerAnalyzers.Durability;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Durability.ConsiderMultiAzAnalyzer>;

namespace DataLayerAnalyzers.Tests.Durability
{
    public class ConsiderMultiAzTests
    {
        private static string Code(string body) => $$"""
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class Provisioner
            {
                private const bool HighlyAvailable = false;
                private readonly IAmazonRDS _rds;

                public Provisioner(IAmazonRDS rds) => _rds = rds;

            {{body}}
            }
            """;

        [Theory]
        [InlineData("CreateDBInstanceRequest")]
        [InlineData("ModifyDBInstanceRequest")]
        public async Task MultiAzFalse_Reports(string type)
        {
            var source = Code($$"""
                    public object Build() => new {{type}} { {|#0:MultiAZ = false|} };
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA5004").WithLocation(0).WithArguments("MultiAZ = false on this " + type));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task ConstantLocalAndLaterAssignment_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders" };
                        [|request.MultiAZ = HighlyAvailable|];
                        await _rds.CreateDBInstanceAsync(request);
                        var standby = false;
                        await _rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest("orders") { [|MultiAZ = standby|] });
                    }
                """);
            await new AnalyzerTest<ConsiderMultiAzAnalyzer> { TestCode = source, References = references }.RunAsync();
        }

        [Fact]
        public async Task MultiAzOnOrOmittedOrOtherRequests_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(bool multiAz)
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { MultiAZ = true });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { MultiAZ = multiAz });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest());
                        await _rds.CreateDBInstanceReadReplicaAsync(new CreateDBInstanceReadReplicaRequest { MultiAZ = false });
                        await _rds.RestoreDBInstanceFromDBSnapshotAsync(new RestoreDBInstanceFromDBSnapshotRequest { MultiAZ = false });
                        var response = await _rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());
                        response.DBInstances[0].MultiAZ = false;
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task MultiAzFalse_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { [|MultiAZ = false|] });
                        var modify = new ModifyDBInstanceRequest("orders");
                        [|modify.MultiAZ = HighlyAvailable|];
                        await _rds.ModifyDBInstanceAsync(modify);
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { MultiAZ = true });
                        var modify = new ModifyDBInstanceRequest("orders");
                        modify.MultiAZ = true;
                        await _rds.ModifyDBInstanceAsync(modify);
                    }
                """);
            await VerifyCS.CodeFixAsync<ConsiderMultiAzFixer>(source, fixedSource, ConsiderMultiAzFixer.EquivalenceKey);
        }
    }
}
