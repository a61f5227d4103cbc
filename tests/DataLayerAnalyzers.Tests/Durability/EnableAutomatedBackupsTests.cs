using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Durability;
using DataLayerAnalyzers.Durability;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Durability.EnableAutomatedBackupsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Durability
{
    public class EnableAutomatedBackupsTests
    {
        private static string Code(string body) => $$"""
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class Provisioner
            {
                private const int NoBackups = 0;
                private readonly IAmazonRDS _rds;

                public Provisioner(IAmazonRDS rds) => _rds = rds;

            {{body}}
            }
            """;

        [Theory]
        [InlineData("CreateDBInstanceRequest")]
        [InlineData("CreateDBClusterRequest")]
        [InlineData("ModifyDBInstanceRequest")]
        [InlineData("RestoreDBInstanceFromDBSnapshotRequest")]
        [InlineData("RestoreDBClusterFromSnapshotRequest")]
        public async Task ZeroRetention_Reports(string type)
        {
            var source = Code($$"""
                    public object Build() => new {{type}} { {|#0:BackupRetentionPeriod = 0|} };
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA5001").WithLocation(0).WithArguments(0, type, "disables automated backups", 1));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task ConstantLocalAndLaterAssignment_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", BackupRetentionPeriod = 7 };
                        [|request.BackupRetentionPeriod = NoBackups|];
                        await _rds.CreateDBInstanceAsync(request);
                        var days = 0;
                        await _rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest("orders") { [|BackupRetentionPeriod = days|] });
                    }
                """);
            await new AnalyzerTest<EnableAutomatedBackupsAnalyzer> { TestCode = source, References = references }.RunAsync();
        }

        [Fact]
        public async Task MinimumRetentionOption_Reports()
        {
            var source = Code("""
                    public object Build() => new CreateDBInstanceRequest { {|#0:BackupRetentionPeriod = 3|} };
                    public object Keep() => new CreateDBClusterRequest { BackupRetentionPeriod = 14 };
                """);
            var test = new AnalyzerTest<EnableAutomatedBackupsAnalyzer> { TestCode = source };
            test.GlobalConfig.Add("dotnet_code_quality.DLA5001.min_retention_days = 7");
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("DLA5001").WithLocation(0).WithArguments(3, "CreateDBInstanceRequest", "keeps automated backups too briefly", 7));
            await test.RunAsync();
        }

        [Fact]
        public async Task PositiveUnknownOrOmittedRetention_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(int retention)
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { BackupRetentionPeriod = 1 });
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { BackupRetentionPeriod = retention });
                        await _rds.RestoreDBClusterFromSnapshotAsync(new RestoreDBClusterFromSnapshotRequest { DBClusterIdentifier = "orders" });
                        var request = new ModifyDBInstanceRequest { BackupRetentionPeriod = 0 };
                        request.BackupRetentionPeriod = 7;
                        await _rds.ModifyDBInstanceAsync(request);
                        var compound = new CreateDBInstanceRequest { BackupRetentionPeriod = 0 };
                        compound.BackupRetentionPeriod += retention;
                        await _rds.CreateDBInstanceAsync(compound);
                        await _rds.CreateDBInstanceReadReplicaAsync(new CreateDBInstanceReadReplicaRequest("orders-ro", "orders"));
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task ZeroRetention_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", [|BackupRetentionPeriod = 0|] });
                        var restore = new RestoreDBInstanceFromDBSnapshotRequest("orders", "orders-snap");
                        [|restore.BackupRetentionPeriod = NoBackups|];
                        await _rds.RestoreDBInstanceFromDBSnapshotAsync(restore);
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", BackupRetentionPeriod = 7 });
                        var restore = new RestoreDBInstanceFromDBSnapshotRequest("orders", "orders-snap");
                        restore.BackupRetentionPeriod = 7;
                        await _rds.RestoreDBInstanceFromDBSnapshotAsync(restore);
                    }
                """);
            await VerifyCS.CodeFixAsync<EnableAutomatedBackupsFixer>(source, fixedSource, EnableAutomatedBackupsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task HigherConfiguredMinimum_FixesToMinimum()
        {
            var source = Code("""
                    public object Build() => new CreateDBClusterRequest { [|BackupRetentionPeriod = 7|] };
                """);
            var fixedSource = Code("""
                    public object Build() => new CreateDBClusterRequest { BackupRetentionPeriod = 14 };
                """);
            var test = new CodeFixTest<EnableAutomatedBackupsAnalyzer, EnableAutomatedBackupsFixer> { TestCode = source, FixedCode = fixedSource, References = ReferenceSet.AllWithRdsV3 };
            test.GlobalConfig.Add("dotnet_code_quality.DLA5001.min_retention_days = 14");
            await test.RunAsync();
        }
    }
}
