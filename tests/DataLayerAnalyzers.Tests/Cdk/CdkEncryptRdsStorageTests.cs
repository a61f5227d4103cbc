using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Encryption;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Encryption.EncryptRdsStorageAnalyzer>;

namespace DataLayerAnalyzers.Tests.Cdk
{
    /// <summary>DLA3004 over AWS CDK v2 stacks.</summary>
    public class CdkEncryptRdsStorageTests
    {
        [Fact]
        public async Task InstanceWithoutEncryption_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", {|#0:new DatabaseInstanceProps|} { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                """);
            await CdkTest.AnalyzeAsync<EncryptRdsStorageAnalyzer>(source, VerifyCS.Diagnostic("DLA3004").WithLocation(0).WithArguments(
                "This DatabaseInstance",
                "CDK leaves storage unencrypted unless StorageEncrypted or a StorageEncryptionKey is set; set StorageEncrypted = true"));
        }

        [Fact]
        public async Task FalseWithoutKey_OnInstanceAndCluster_Reports()
        {
            var source = CdkTest.Stack("""
                        const bool encrypt = false;
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, {|#0:StorageEncrypted = encrypt|} });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_POSTGRESQL,
                            Vpc = vpc,
                            Writer = ClusterInstance.Provisioned("writer"),
                            [|StorageEncrypted = false|],
                        });
                """);
            await CdkTest.AnalyzeAsync<EncryptRdsStorageAnalyzer>(source, VerifyCS.Diagnostic("DLA3004").WithLocation(0).WithArguments(
                "StorageEncrypted = false on this DatabaseInstance", "set StorageEncrypted = true or give a StorageEncryptionKey"));
        }

        [Fact]
        public async Task InterfaceTypedLocalLaterAssignmentAndHelper_Reports()
        {
            var source = CdkTest.Stack(
                """
                        IDatabaseInstanceProps typed = [|new DatabaseInstanceProps|] { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        new DatabaseInstance(this, "Typed", typed);

                        var props = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, StorageEncrypted = true };
                        [|props.StorageEncrypted = false|];
                        new DatabaseInstance(this, "Later", props);

                        new DatabaseInstance(this, "Helper", BuildProps(vpc));
                """,
                """
                    private static DatabaseInstanceProps BuildProps(IVpc vpc)
                    {
                        return [|new DatabaseInstanceProps|] { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                    }
                """);
            await CdkTest.AnalyzeAsync<EncryptRdsStorageAnalyzer>(source);
        }

        [Fact]
        public async Task L1InstanceAndNonAuroraCluster_Reports()
        {
            var source = CdkTest.Stack("""
                        new CfnDBInstance(this, "L1", [|new CfnDBInstanceProps|] { Engine = "postgres", DbInstanceClass = "db.t3.micro" });
                        new CfnDBInstance(this, "L1Off", new CfnDBInstanceProps { Engine = "postgres", [|StorageEncrypted = false|] });
                        new CfnDBCluster(this, "MultiAzCluster", [|new CfnDBClusterProps|] { Engine = "postgres", DbClusterInstanceClass = "db.m6gd.large" });
                        new CfnDBCluster(this, "AuroraOff", new CfnDBClusterProps { Engine = "aurora-postgresql", [|StorageEncrypted = false|] });
                """);
            await CdkTest.AnalyzeAsync<EncryptRdsStorageAnalyzer>(source);
        }

        [Fact]
        public async Task EncryptedKeysReplicasSnapshotsServerlessAndAuroraOmissions_NoDiagnostic()
        {
            var source = CdkTest.Stack(
                """
                        var source = new DatabaseInstance(this, "Encrypted", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = true });
                        new DatabaseInstance(this, "Key", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncryptionKey = key });
                        new DatabaseInstance(this, "KeyWins", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = false, StorageEncryptionKey = key });
                        new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps
                        {
                            SourceDatabaseInstance = source,
                            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO),
                            Vpc = vpc,
                        });
                        new DatabaseInstanceFromSnapshot(this, "Restore", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "snap", Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseCluster(this, "Aurora", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_POSTGRESQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("writer") });
                        new DatabaseClusterFromSnapshot(this, "ClusterRestore", new DatabaseClusterFromSnapshotProps { SnapshotIdentifier = "snap", Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc });
                        new ServerlessCluster(this, "Serverless", new ServerlessClusterProps { Engine = DatabaseClusterEngine.AURORA_POSTGRESQL, Vpc = vpc });
                        new DatabaseInstance(this, "FromParameter", Props(encrypted: this.Node.TryGetContext("encrypt") is true, vpc));
                        new CfnDBInstance(this, "Member", new CfnDBInstanceProps { Engine = "aurora-postgresql", DbClusterIdentifier = "orders" });
                        new CfnDBInstance(this, "L1Replica", new CfnDBInstanceProps { SourceDbInstanceIdentifier = "orders" });
                        new CfnDBCluster(this, "AuroraL1", new CfnDBClusterProps { Engine = "aurora-mysql" });
                        new CfnDBCluster(this, "UnknownEngine", new CfnDBClusterProps { Engine = (string)this.Node.TryGetContext("engine") });
                        var cfn = new CfnDBInstance(this, "SetLater", new CfnDBInstanceProps { Engine = "postgres" });
                        cfn.StorageEncrypted = true;
                        var hatch = new DatabaseInstance(this, "Hatch", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        ((CfnDBInstance)hatch.Node.DefaultChild).StorageEncrypted = true;
                """,
                """
                    private static IDatabaseInstanceProps Props(bool encrypted, IVpc vpc) => new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = encrypted };
                """);
            await CdkTest.AnalyzeAsync<EncryptRdsStorageAnalyzer>(source);
        }

        [Fact]
        public async Task SetAfterTheConstructOrHandedToOwnCode_NoDiagnostic()
        {
            var source = CdkTest.Stack(
                """
                        var later = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        new DatabaseInstance(this, "Later", later);
                        later.StorageEncrypted = true;

                        var configured = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        Configure(configured);
                        new DatabaseInstance(this, "Configured", configured);
                        new DatabaseInstance(this, "Own", new OwnProps { Vpc = vpc });
                        new DatabaseInstance(this, "Field", _props);
                """,
                """
                    private readonly DatabaseInstanceProps _props = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES };

                    public void Harden() => _props.StorageEncrypted = true;

                    private static void Configure(DatabaseInstanceProps props) => props.StorageEncrypted = true;

                    private sealed class OwnProps : IDatabaseInstanceProps
                    {
                        public IInstanceEngine Engine => DatabaseInstanceEngine.POSTGRES;
                        public IVpc Vpc { get; set; }
                        public bool? StorageEncrypted => true;
                    }
                """);
            await CdkTest.AnalyzeAsync<EncryptRdsStorageAnalyzer>(source);
        }

        [Fact]
        public async Task MissingAndFalse_Fixes()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", [|new DatabaseInstanceProps|] { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseInstance(this, "Off", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, [|StorageEncrypted = false|] });
                        new CfnDBInstance(this, "L1", [|new CfnDBInstanceProps|]
                        {
                            Engine = "postgres",
                        });
                """);
            var fixedSource = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = true });
                        new DatabaseInstance(this, "Off", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = true });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps
                        {
                            Engine = "postgres",
                            StorageEncrypted = true,
                        });
                """);
            await CdkTest.FixAsync<EncryptRdsStorageAnalyzer, EncryptRdsStorageFixer>(source, fixedSource, EncryptRdsStorageFixer.EquivalenceKey);
        }

        [Fact]
        public async Task WithoutCdk_NothingRegistered()
        {
            // Same shape, own types of the same names outside Amazon.CDK.Lib: nothing is read.
            var source = """
                namespace Amazon.CDK.AWS.RDS
                {
                    public interface IDatabaseInstanceProps { }
                    public class DatabaseInstanceProps : IDatabaseInstanceProps { public bool? StorageEncrypted { get; set; } }
                    public class DatabaseInstance { public DatabaseInstance(object scope, string id, IDatabaseInstanceProps props) { } }
                    class Stack { void Build() => new DatabaseInstance(this, "Db", new DatabaseInstanceProps { StorageEncrypted = false }); }
                }
                """;
            await new AnalyzerTest<EncryptRdsStorageAnalyzer> { TestCode = source, References = ReferenceSet.FrameworkOnly }.RunAsync();
        }
    }
}
