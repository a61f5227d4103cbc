using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Encryption;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Encryption.EncryptRdsStorageAnalyzer>;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class EncryptRdsStorageTests
    {
        private static string Code(string body) => $$"""
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class Provisioner
            {
                private const bool Encrypt = false;
                private readonly IAmazonRDS _rds;

                public Provisioner(IAmazonRDS rds) => _rds = rds;

            {{body}}
            }
            """;

        [Theory]
        [InlineData("CreateDBInstanceRequest")]
        [InlineData("CreateDBClusterRequest")]
        public async Task StorageEncryptedFalse_Reports(string type)
        {
            var source = Code($$"""
                    public object Build() => new {{type}} { {|#0:StorageEncrypted = false|} };
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA3004").WithLocation(0)
                .WithArguments("StorageEncrypted = false on this " + type, "set StorageEncrypted = true"));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task FalseThroughConstantLocalAndLaterAssignment_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest("orders", 20, "db.t3.micro", "postgres", "admin", null) { StorageEncrypted = true };
                        [|request.StorageEncrypted = Encrypt|];
                        await _rds.CreateDBInstanceAsync(request);

                        var encrypted = false;
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { Engine = "aurora-postgresql", [|StorageEncrypted = encrypted|] });
                    }
                """);
            await new AnalyzerTest<EncryptRdsStorageAnalyzer> { TestCode = source, References = references }.RunAsync();
        }

        [Fact]
        public async Task NeverSetOnInstanceOrNonAuroraCluster_Reports()
        {
            var source = Code("""
                    private const string Engine = "postgres";

                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync({|#0:new CreateDBInstanceRequest|} { DBInstanceIdentifier = "orders", Engine = "postgres" });
                        var cluster = [|new CreateDBClusterRequest|] { DBClusterIdentifier = "orders" };
                        cluster.Engine = Engine;
                        await _rds.CreateDBClusterAsync(cluster);
                        await _rds.CreateDBInstanceAsync([|new CreateDBInstanceRequest|]("orders", 20, "db.t3.micro", "postgres", "admin", null));
                    }
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA3004").WithLocation(0)
                .WithArguments("This CreateDBInstanceRequest", "set StorageEncrypted = true"));
        }

        [Fact]
        public async Task AuroraMembersAuroraClustersAndRestores_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(string engine)
                    {
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { DBClusterIdentifier = "orders", Engine = "aurora-postgresql" });
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { DBClusterIdentifier = "orders", Engine = engine });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "orders-1", DBClusterIdentifier = "orders", Engine = "aurora-postgresql" });
                        await _rds.RestoreDBInstanceFromDBSnapshotAsync(new RestoreDBInstanceFromDBSnapshotRequest("orders", "orders-snap"));
                        await _rds.RestoreDBClusterFromSnapshotAsync(new RestoreDBClusterFromSnapshotRequest { DBClusterIdentifier = "orders", SnapshotIdentifier = "snap", Engine = "postgres" });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", StorageEncrypted = true });
                        var defaulted = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders" };
                        defaulted.StorageEncrypted ??= true;
                        await _rds.CreateDBInstanceAsync(defaulted);
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task RequestEscapesBeforeSend_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders" };
                        Harden(request);
                        await _rds.CreateDBInstanceAsync(request);
                    }

                    public CreateDBInstanceRequest Template() => new CreateDBInstanceRequest { DBInstanceIdentifier = "orders" };

                    private static void Harden(CreateDBInstanceRequest request) => request.StorageEncrypted = true;
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task DescribeResponseLookAlike_NoDiagnostic()
        {
            var source = Code("""
                    public async Task<int> CountUnencryptedAsync()
                    {
                        var response = await _rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());
                        var count = 0;
                        foreach (var instance in response.DBInstances)
                        {
                            if (instance.StorageEncrypted == false) count++;
                        }

                        return count;
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task CopyOfSnapshotKnownUnencrypted_Reports()
        {
            var source = Code("""
                    public async Task EncryptAsync(DBSnapshot snapshot, string keyId)
                    {
                        if (snapshot.Encrypted == false)
                        {
                            await _rds.CopyDBSnapshotAsync({|#0:new CopyDBSnapshotRequest|} { SourceDBSnapshotIdentifier = snapshot.DBSnapshotIdentifier, TargetDBSnapshotIdentifier = "copy" });
                        }

                        if (snapshot.Encrypted is true)
                        {
                        }
                        else
                        {
                            await _rds.CopyDBSnapshotAsync([|new CopyDBSnapshotRequest|] { TargetDBSnapshotIdentifier = "copy" });
                        }

                        if (snapshot.Encrypted != true && keyId.Length > 0)
                        {
                            await _rds.CopyDBSnapshotAsync(new CopyDBSnapshotRequest { TargetDBSnapshotIdentifier = "copy", KmsKeyId = keyId });
                        }
                    }
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA3004").WithLocation(0)
                .WithArguments("This copy of an unencrypted snapshot", "copy it with a KmsKeyId so the copy is encrypted"));
        }

        [Fact]
        public async Task CopyAfterEncryptedSnapshotsAreSkipped_Reports()
        {
            var source = Code("""
                    public async Task EncryptAllAsync(string instanceId)
                    {
                        var response = await _rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBInstanceIdentifier = instanceId });
                        foreach (var snapshot in response.DBSnapshots)
                        {
                            if (snapshot.Encrypted == true)
                            {
                                continue;
                            }

                            await _rds.CopyDBSnapshotAsync([|new CopyDBSnapshotRequest|] { SourceDBSnapshotIdentifier = snapshot.DBSnapshotIdentifier, TargetDBSnapshotIdentifier = "copy" });
                        }
                    }

                    public async Task CopyOneAsync(DBSnapshot snapshot)
                    {
                        if (snapshot.Encrypted is not false) return;
                        await _rds.CopyDBSnapshotAsync([|new CopyDBSnapshotRequest|] { TargetDBSnapshotIdentifier = "copy" });
                    }

                    public async Task CopyUnencryptedOnlyAsync(DBSnapshot snapshot)
                    {
                        if (snapshot.Encrypted == false) return;
                        await _rds.CopyDBSnapshotAsync(new CopyDBSnapshotRequest { TargetDBSnapshotIdentifier = "copy" });
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task CopyUnderV3BoolFlag_Reports()
        {
            var source = Code("""
                    public Task EncryptAsync(DBSnapshot snapshot) =>
                        !snapshot.Encrypted ? _rds.CopyDBSnapshotAsync([|new CopyDBSnapshotRequest|] { TargetDBSnapshotIdentifier = "copy" }) : Task.CompletedTask;
                """);
            await new AnalyzerTest<EncryptRdsStorageAnalyzer> { TestCode = source, References = ReferenceSet.AllWithRdsV3 }.RunAsync();
        }

        [Fact]
        public async Task CopyOfEncryptedOrUnknownSnapshot_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CopyAsync(DBSnapshot snapshot)
                    {
                        await _rds.CopyDBSnapshotAsync(new CopyDBSnapshotRequest { TargetDBSnapshotIdentifier = "copy" });
                        if (snapshot.Encrypted == true)
                        {
                            await _rds.CopyDBSnapshotAsync(new CopyDBSnapshotRequest { TargetDBSnapshotIdentifier = "copy" });
                        }
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task FalseAndMissing_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest
                        {
                            DBInstanceIdentifier = "orders",
                            [|StorageEncrypted = false|],
                        };
                        await _rds.CreateDBInstanceAsync(request);
                        await _rds.CreateDBInstanceAsync([|new CreateDBInstanceRequest|] { DBInstanceIdentifier = "billing" });
                        await _rds.CreateDBClusterAsync([|new CreateDBClusterRequest|]
                        {
                            DBClusterIdentifier = "ledger",
                            Engine = "mysql"
                        });
                        await _rds.CreateDBInstanceAsync([|new CreateDBInstanceRequest|]("audit", 20, "db.t3.micro", "postgres", "admin", null));
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest
                        {
                            DBInstanceIdentifier = "orders",
                            StorageEncrypted = true,
                        };
                        await _rds.CreateDBInstanceAsync(request);
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "billing", StorageEncrypted = true });
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest
                        {
                            DBClusterIdentifier = "ledger",
                            Engine = "mysql",
                            StorageEncrypted = true
                        });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest("audit", 20, "db.t3.micro", "postgres", "admin", null) { StorageEncrypted = true });
                    }
                """);
            await VerifyCS.CodeFixAsync<EncryptRdsStorageFixer>(source, fixedSource, EncryptRdsStorageFixer.EquivalenceKey);
        }

        [Fact]
        public async Task CopyOfUnencryptedSnapshot_NoFixOffered()
        {
            var source = Code("""
                    public Task CopyAsync(DBSnapshot snapshot) => snapshot.Encrypted == false
                        ? _rds.CopyDBSnapshotAsync([|new CopyDBSnapshotRequest|] { TargetDBSnapshotIdentifier = "copy" })
                        : Task.CompletedTask;
                """);
            await VerifyCS.CodeFixAsync<EncryptRdsStorageFixer>(source, source);
        }

        [Fact]
        public async Task TargetTypedAndEmptyInitializer_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        CreateDBInstanceRequest request = [|new|]() { DBInstanceIdentifier = "orders" };
                        await _rds.CreateDBInstanceAsync(request);
                        await _rds.CreateDBInstanceAsync([|new CreateDBInstanceRequest|] { });
                        await _rds.CreateDBInstanceAsync([|new CreateDBInstanceRequest|]() { });
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        CreateDBInstanceRequest request = new() { DBInstanceIdentifier = "orders", StorageEncrypted = true };
                        await _rds.CreateDBInstanceAsync(request);
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { StorageEncrypted = true });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest() { StorageEncrypted = true });
                    }
                """);
            await VerifyCS.CodeFixAsync<EncryptRdsStorageFixer>(source, fixedSource, EncryptRdsStorageFixer.EquivalenceKey);
        }

        [Fact]
        public async Task HalfTypedCode_DoesNotCrash()
        {
            var source = Code("""
                    public async Task CreateAsync(DBSnapshot snapshot)
                    {
                        var request = new CreateDBInstanceRequest { StorageEncrypted = , DBClusterIdentifier };
                        request.StorageEncrypted = ;
                        await _rds.CreateDBInstanceAsync([|new CreateDBInstanceRequest|](
                        if (snapshot.Encrypted == ) { await _rds.CopyDBSnapshotAsync(new CopyDBSnapshotRequest { KmsKeyId = }); }
                        var unknown = new UnknownRequest { StorageEncrypted = false };
                    }
                """);
            await new AnalyzerTest<EncryptRdsStorageAnalyzer> { TestCode = source, AllowCompilerErrors = true }.RunAsync();
        }
    }
}
