using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Durability;
using DataLayerAnalyzers.Durability;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Cdk
{
    /// <summary>DLA5001-DLA5006 over AWS CDK v2 stacks.</summary>
    public class CdkDurabilityTests
    {
        private const string Key = """new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING }""";

        // ---- DLA5006 point-in-time recovery ----

        [Fact]
        public async Task TableAndTableV2WithoutPitr_Reports()
        {
            var source = CdkTest.TableStack($$"""
                        new Table(this, "Orders", {|#0:new TableProps|} { PartitionKey = {{Key}} });
                        new TableV2(this, "Global", [|new TablePropsV2|] { PartitionKey = {{Key}} });
                        new CfnTable(this, "L1", {|#1:new CfnTableProps|} { KeySchema = new[] { new CfnTable.KeySchemaProperty { AttributeName = "pk", KeyType = "HASH" } } });
                """);
            await CdkTest.AnalyzeAsync<EnablePointInTimeRecoveryAnalyzer>(
                source,
                Verify<EnablePointInTimeRecoveryAnalyzer>.Diagnostic("DLA5006").WithLocation(0)
                    .WithArguments("This Table has no point-in-time recovery (CDK leaves it off unless PointInTimeRecovery = true)"),
                Verify<EnablePointInTimeRecoveryAnalyzer>.Diagnostic("DLA5006").WithLocation(1)
                    .WithArguments("This CfnTable has no enabled PointInTimeRecoverySpecification, so CloudFormation leaves continuous backups off"));
        }

        [Fact]
        public async Task PitrFalseThroughConstantLocalAndHelper_Reports()
        {
            var source = CdkTest.TableStack(
                $$"""
                        const bool pitr = false;
                        new Table(this, "Orders", new TableProps { PartitionKey = {{Key}}, [|PointInTimeRecovery = pitr|] });
                        ITableProps typed = new TableProps { PartitionKey = {{Key}}, PointInTimeRecovery = true };
                        var later = new TablePropsV2 { PartitionKey = {{Key}}, PointInTimeRecovery = true };
                        [|later.PointInTimeRecovery = false|];
                        new TableV2(this, "Global", later);
                        new Table(this, "Typed", typed);
                        new Table(this, "Helper", Build());
                        new CfnTable(this, "L1", new CfnTableProps
                        {
                            KeySchema = new[] { new CfnTable.KeySchemaProperty { AttributeName = "pk", KeyType = "HASH" } },
                            PointInTimeRecoverySpecification = new CfnTable.PointInTimeRecoverySpecificationProperty { [|PointInTimeRecoveryEnabled = false|] },
                        });
                """,
                $$"""
                    private static TableProps Build() => [|new TableProps|] { PartitionKey = {{Key}} };
                """);
            await CdkTest.AnalyzeAsync<EnablePointInTimeRecoveryAnalyzer>(source);
        }

        [Fact]
        public async Task PitrOnUnknownOrElsewhere_NoDiagnostic()
        {
            var source = CdkTest.TableStack(
                $$"""
                        new Table(this, "Orders", new TableProps { PartitionKey = {{Key}}, PointInTimeRecovery = true });
                        new TableV2(this, "Global", new TablePropsV2 { PartitionKey = {{Key}}, PointInTimeRecovery = true });
                        new Table(this, "Context", new TableProps { PartitionKey = {{Key}}, PointInTimeRecovery = this.Node.TryGetContext("pitr") is true });
                        new CfnTable(this, "L1", new CfnTableProps
                        {
                            KeySchema = new[] { new CfnTable.KeySchemaProperty { AttributeName = "pk", KeyType = "HASH" } },
                            PointInTimeRecoverySpecification = new CfnTable.PointInTimeRecoverySpecificationProperty { PointInTimeRecoveryEnabled = true },
                        });
                """,
                """
                    public void FromParameter(ITableProps props) => new Table(this, "Param", props);

                    public void Configured(TableProps props)
                    {
                        props.PointInTimeRecovery = true;
                        new Table(this, "Configured", props);
                    }
                """);
            await CdkTest.AnalyzeAsync<EnablePointInTimeRecoveryAnalyzer>(source);
        }

        [Fact]
        public async Task Pitr_Fixes()
        {
            var source = CdkTest.TableStack($$"""
                        new Table(this, "Orders", [|new TableProps|] { PartitionKey = {{Key}} });
                        new TableV2(this, "Global", new TablePropsV2 { PartitionKey = {{Key}}, [|PointInTimeRecovery = false|] });
                        new CfnTable(this, "L1", [|new CfnTableProps|] { TableName = "orders" });
                """);
            var fixedSource = CdkTest.TableStack($$"""
                        new Table(this, "Orders", new TableProps { PartitionKey = {{Key}}, PointInTimeRecovery = true });
                        new TableV2(this, "Global", new TablePropsV2 { PartitionKey = {{Key}}, PointInTimeRecovery = true });
                        new CfnTable(this, "L1", new CfnTableProps { TableName = "orders", PointInTimeRecoverySpecification = new CfnTable.PointInTimeRecoverySpecificationProperty { PointInTimeRecoveryEnabled = true } });
                """);
            await CdkTest.FixAsync<EnablePointInTimeRecoveryAnalyzer, EnablePointInTimeRecoveryFixer>(source, fixedSource, EnablePointInTimeRecoveryFixer.EquivalenceKey);
        }

        // ---- DLA5003 deletion protection ----

        [Fact]
        public async Task DeletionProtectionFalse_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, {|#0:DeletionProtection = false|} });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, [|DeletionProtection = false|] });
                        new ServerlessCluster(this, "Serverless", new ServerlessClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, [|DeletionProtection = false|] });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", [|DeletionProtection = false|] });
                        new Amazon.CDK.AWS.DynamoDB.CfnTable(this, "T", new Amazon.CDK.AWS.DynamoDB.CfnTableProps { KeySchema = new object[0], {|#1:DeletionProtectionEnabled = false|} });
                        new Amazon.CDK.AWS.DynamoDB.Table(this, "T2", new Amazon.CDK.AWS.DynamoDB.TableProps { [|DeletionProtection = false|] });
                """);
            await CdkTest.AnalyzeAsync<EnableDeletionProtectionAnalyzer>(
                source,
                Verify<EnableDeletionProtectionAnalyzer>.Diagnostic("DLA5003").WithLocation(0).WithArguments("DeletionProtection", "DatabaseInstance"),
                Verify<EnableDeletionProtectionAnalyzer>.Diagnostic("DLA5003").WithLocation(1).WithArguments("DeletionProtectionEnabled", "CfnTable"));
        }

        [Fact]
        public async Task DeletionProtectionOmittedOrOn_NoDiagnostic()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseInstance(this, "Retain", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, RemovalPolicy = RemovalPolicy.RETAIN });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, DeletionProtection = true });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", DeletionProtection = this.Node.TryGetContext("protect") });
                """);
            await CdkTest.AnalyzeAsync<EnableDeletionProtectionAnalyzer>(source);
        }

        [Fact]
        public async Task DeletionProtection_Fixes()
        {
            var source = CdkTest.Stack("""
                        var props = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        [|props.DeletionProtection = false|];
                        new DatabaseInstance(this, "Db", props);
                        new CfnDBCluster(this, "L1", new CfnDBClusterProps { Engine = "aurora-postgresql", [|DeletionProtection = false|] });
                """);
            var fixedSource = CdkTest.Stack("""
                        var props = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        props.DeletionProtection = true;
                        new DatabaseInstance(this, "Db", props);
                        new CfnDBCluster(this, "L1", new CfnDBClusterProps { Engine = "aurora-postgresql", DeletionProtection = true });
                """);
            await CdkTest.FixAsync<EnableDeletionProtectionAnalyzer, EnableDeletionProtectionFixer>(source, fixedSource, EnableDeletionProtectionFixer.EquivalenceKey);
        }

        // ---- DLA5001 automated backups ----

        [Fact]
        public async Task ZeroRetention_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, {|#0:BackupRetention = Duration.Days(0)|} });
                        var off = Duration.Seconds(0);
                        new DatabaseInstance(this, "Seconds", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, [|BackupRetention = off|] });
                        new DatabaseInstanceFromSnapshot(this, "Restore", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "s", Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, [|BackupRetention = Duration.Hours(0)|] });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Backup = new BackupProps { [|Retention = Duration.Days(0)|] } });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", {|#1:BackupRetentionPeriod = 0|} });
                """);
            await CdkTest.AnalyzeAsync<EnableAutomatedBackupsAnalyzer>(
                source,
                Verify<EnableAutomatedBackupsAnalyzer>.Diagnostic("DLA5001").WithLocation(0).WithArguments(0, "DatabaseInstance", "disables automated backups", 1),
                Verify<EnableAutomatedBackupsAnalyzer>.Diagnostic("DLA5001").WithLocation(1).WithArguments(0, "CfnDBInstance", "disables automated backups", 1));
        }

        [Fact]
        public async Task RetentionOmittedKeptOrUnknown_NoDiagnostic()
        {
            var source = CdkTest.Stack(
                """
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseInstance(this, "Week", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, BackupRetention = Duration.Days(7) });
                        new DatabaseInstance(this, "Hours", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, BackupRetention = Duration.Hours(48) });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Backup = new BackupProps { Retention = Duration.Days(14) } });
                        new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { Vpc = vpc, BackupRetention = Duration.Days(0) });
                """,
                """
                    public void FromParameter(IVpc vpc, int days) =>
                        new DatabaseInstance(this, "P", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, BackupRetention = Duration.Days(days) });
                """);
            await CdkTest.AnalyzeAsync<EnableAutomatedBackupsAnalyzer>(source);
        }

        [Fact]
        public async Task ZeroRetention_Fixes()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, [|BackupRetention = Duration.Seconds(0)|] });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Backup = new BackupProps { [|Retention = Duration.Days(0)|] } });
                        new CfnDBCluster(this, "L1", new CfnDBClusterProps { Engine = "postgres", [|BackupRetentionPeriod = 0|] });
                """);
            var fixedSource = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, BackupRetention = Duration.Days(7) });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Backup = new BackupProps { Retention = Duration.Days(7) } });
                        new CfnDBCluster(this, "L1", new CfnDBClusterProps { Engine = "postgres", BackupRetentionPeriod = 7 });
                """);
            await CdkTest.FixAsync<EnableAutomatedBackupsAnalyzer, EnableAutomatedBackupsFixer>(source, fixedSource, EnableAutomatedBackupsFixer.EquivalenceKey);
        }

        // ---- DLA5002 public access ----

        [Fact]
        public async Task PublicInstancesClusterInstancesAndPublicSubnets_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, {|#0:PubliclyAccessible = true|} });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_POSTGRESQL,
                            Vpc = vpc,
                            Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { {|#1:PubliclyAccessible = true|} }),
                            Readers = new[] { ClusterInstance.ServerlessV2("reader", new ServerlessV2ClusterInstanceProps { [|PubliclyAccessible = true|] }) },
                        });
                        new DatabaseInstance(this, "Subnets", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            VpcSubnets = new SubnetSelection { {|#2:SubnetType = SubnetType.PUBLIC|} },
                        });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", [|PubliclyAccessible = true|] });
                """);
            await CdkTest.AnalyzeAsync<DoNotMakeDatabasesPublicAnalyzer>(
                source,
                Verify<DoNotMakeDatabasesPublicAnalyzer>.Diagnostic("DLA5002").WithLocation(0).WithArguments("PubliclyAccessible = true on this DatabaseInstance"),
                Verify<DoNotMakeDatabasesPublicAnalyzer>.Diagnostic("DLA5002").WithLocation(1).WithArguments("PubliclyAccessible = true on this cluster instance (ClusterInstance.Provisioned)"),
                Verify<DoNotMakeDatabasesPublicAnalyzer>.Diagnostic("DLA5002").WithLocation(2)
                    .WithArguments("VpcSubnets selecting SubnetType.PUBLIC on this DatabaseInstance (CDK then sets PubliclyAccessible = true)"));
        }

        [Fact]
        public async Task LegacyClusterInstanceProps_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseCluster(this, "Legacy", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc, [|PubliclyAccessible = true|] },
                        });
                """);
            await CdkTest.AnalyzeAsync<DoNotMakeDatabasesPublicAnalyzer>(source);
        }

        [Fact]
        public async Task PrivateOrExplicitlyClosed_NoDiagnostic()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseInstance(this, "Closed", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
                            PubliclyAccessible = false,
                        });
                        new DatabaseInstance(this, "Private", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED } });
                        new DatabaseInstance(this, "Ctx", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, PubliclyAccessible = this.Node.TryGetContext("public") is true });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("writer") });
                """);
            await CdkTest.AnalyzeAsync<DoNotMakeDatabasesPublicAnalyzer>(source);
        }

        [Fact]
        public async Task PublicAccess_Fixes()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, [|PubliclyAccessible = true|] });
                        new DatabaseInstance(this, "Subnets", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            VpcSubnets = new SubnetSelection { [|SubnetType = SubnetType.PUBLIC|] },
                        });
                """);
            var fixedSource = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, PubliclyAccessible = false });
                        new DatabaseInstance(this, "Subnets", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
                            PubliclyAccessible = false,
                        });
                """);
            await CdkTest.FixAsync<DoNotMakeDatabasesPublicAnalyzer, DoNotMakeDatabasesPublicFixer>(source, fixedSource, DoNotMakeDatabasesPublicFixer.EquivalenceKey);
        }

        // ---- DLA5004 Multi-AZ ----

        [Fact]
        public async Task SingleAz_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", {|#0:new DatabaseInstanceProps|} { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseInstance(this, "Off", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, {|#1:MultiAz = false|} });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", [|MultiAz = false|] });
                        new DatabaseInstance(this, "On", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = true });
                        new CfnDBInstance(this, "L1Omitted", new CfnDBInstanceProps { Engine = "postgres" });
                        new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { Vpc = vpc });
                """);
            await CdkTest.AnalyzeAsync<ConsiderMultiAzAnalyzer>(
                source,
                Verify<ConsiderMultiAzAnalyzer>.Diagnostic("DLA5004").WithLocation(0).WithArguments("This DatabaseInstance is single-AZ, CDK's default unless MultiAz = true"),
                Verify<ConsiderMultiAzAnalyzer>.Diagnostic("DLA5004").WithLocation(1).WithArguments("MultiAz = false on this DatabaseInstance"));
        }

        [Fact]
        public async Task SingleAz_Fixes()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", [|new DatabaseInstanceProps|] { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", [|MultiAz = false|] });
                """);
            var fixedSource = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = true });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true });
                """);
            await CdkTest.FixAsync<ConsiderMultiAzAnalyzer, ConsiderMultiAzFixer>(source, fixedSource, ConsiderMultiAzFixer.EquivalenceKey);
        }

        // ---- DLA5005 IAM authentication ----

        [Fact]
        public async Task WithoutIamAuthentication_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", {|#0:new DatabaseInstanceProps|} { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseCluster(this, "Cluster", [|new DatabaseClusterProps|] { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc });
                        new DatabaseInstance(this, "Off", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, {|#1:IamAuthentication = false|} });
                        new CfnDBInstance(this, "L1", [|new CfnDBInstanceProps|] { Engine = "postgres" });
                        new CfnDBInstance(this, "Member", new CfnDBInstanceProps { Engine = "aurora-mysql", DbClusterIdentifier = "c" });
                        new DatabaseInstance(this, "On", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, IamAuthentication = true });
                        new CfnDBCluster(this, "L1On", new CfnDBClusterProps { Engine = "aurora-mysql", EnableIamDatabaseAuthentication = true });
                """);
            await CdkTest.AnalyzeAsync<EnableIamDatabaseAuthenticationAnalyzer>(
                source,
                Verify<EnableIamDatabaseAuthenticationAnalyzer>.Diagnostic("DLA5005").WithLocation(0)
                    .WithArguments("This DatabaseInstance (CDK leaves IAM authentication off unless IamAuthentication = true)", "IamAuthentication"),
                Verify<EnableIamDatabaseAuthenticationAnalyzer>.Diagnostic("DLA5005").WithLocation(1)
                    .WithArguments("IamAuthentication = false on this DatabaseInstance", "IamAuthentication"));
        }

        [Fact]
        public async Task IamAuthentication_Fixes()
        {
            var source = CdkTest.Stack("""
                        new DatabaseCluster(this, "Cluster", [|new DatabaseClusterProps|] { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc });
                        new CfnDBCluster(this, "L1", [|new CfnDBClusterProps|] { Engine = "aurora-mysql" });
                """);
            var fixedSource = CdkTest.Stack("""
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, IamAuthentication = true });
                        new CfnDBCluster(this, "L1", new CfnDBClusterProps { Engine = "aurora-mysql", EnableIamDatabaseAuthentication = true });
                """);
            await CdkTest.FixAsync<EnableIamDatabaseAuthenticationAnalyzer, EnableIamDatabaseAuthenticationFixer>(source, fixedSource, EnableIamDatabaseAuthenticationFixer.EquivalenceKey);
        }
    }
}
