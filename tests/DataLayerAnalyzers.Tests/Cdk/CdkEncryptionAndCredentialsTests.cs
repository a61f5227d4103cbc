using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Credentials;
using DataLayerAnalyzers.CodeFixes.Encryption;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Cdk
{
    /// <summary>DLA2004, DLA3005 and DLA3007 over AWS CDK v2 stacks.</summary>
    public class CdkEncryptionAndCredentialsTests
    {
        private const string Key = """new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING }""";

        // ---- DLA2004 literal master passwords ----

        [Fact]
        public async Task LiteralPasswords_Reports()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            Credentials = Credentials.FromPassword("admin", {|#0:SecretValue.UnsafePlainText("hunter2")|}),
                        });
                        const string password = "hunter2";
                        var options = new CredentialsFromUsernameOptions { Password = [|SecretValue.UnsafePlainText(password)|] };
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Vpc = vpc,
                            Credentials = Credentials.FromUsername("admin", options),
                        });
                        var credentials = Credentials.FromPassword("admin", [|SecretValue.PlainText("hunter2")|]);
                        new ServerlessCluster(this, "Serverless", new ServerlessClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Credentials = credentials });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", MasterUsername = "admin", {|#1:MasterUserPassword = "hunter2"|} });
                """);
            await CdkTest.AnalyzeAsync<UseManagedMasterUserPasswordAnalyzer>(
                source,
                Verify<UseManagedMasterUserPasswordAnalyzer>.Diagnostic("DLA2004").WithLocation(0).WithArguments(
                    "The master password given to SecretValue.UnsafePlainText for this DatabaseInstance",
                    "CDK writes it into the CloudFormation template; use Credentials.FromGeneratedSecret so CDK generates it in Secrets Manager"),
                Verify<UseManagedMasterUserPasswordAnalyzer>.Diagnostic("DLA2004").WithLocation(1).WithArguments(
                    "MasterUserPassword of this CfnDBInstance",
                    "set ManageMasterUserPassword = true so RDS keeps and rotates the password in Secrets Manager"));
        }

        [Fact]
        public async Task GeneratedSecretsAndUnknownValues_NoDiagnostic()
        {
            var source = CdkTest.Stack(
                """
                        new DatabaseInstance(this, "Generated", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, Credentials = Credentials.FromGeneratedSecret("admin") });
                        new DatabaseInstance(this, "Username", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, Credentials = Credentials.FromUsername("admin") });
                        new DatabaseInstance(this, "Manager", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            Credentials = Credentials.FromPassword("admin", SecretValue.SecretsManager("db-password")),
                        });
                        new DatabaseInstance(this, "Ssm", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            Credentials = Credentials.FromPassword("admin", SecretValue.SsmSecure("/db/password")),
                        });
                        new DatabaseInstance(this, "Env", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            Credentials = Credentials.FromPassword("admin", SecretValue.UnsafePlainText(System.Environment.GetEnvironmentVariable("DB_PASSWORD"))),
                        });
                        new DatabaseInstance(this, "Context", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            Credentials = Credentials.FromPassword("admin", SecretValue.UnsafePlainText((string)this.Node.TryGetContext("password"))),
                        });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", MasterUsername = "admin", ManageMasterUserPassword = true });
                """,
                """
                    public void FromParameter(IVpc vpc, string password) => new DatabaseInstance(this, "P", new DatabaseInstanceProps
                    {
                        Engine = DatabaseInstanceEngine.POSTGRES,
                        Vpc = vpc,
                        Credentials = Credentials.FromPassword("admin", SecretValue.UnsafePlainText(password)),
                    });
                """);
            await CdkTest.AnalyzeAsync<UseManagedMasterUserPasswordAnalyzer>(source);
        }

        [Fact]
        public async Task LiteralPasswords_Fixes()
        {
            var source = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            Credentials = Credentials.FromPassword("admin", [|SecretValue.UnsafePlainText("hunter2")|]),
                        });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Vpc = vpc,
                            Credentials = Credentials.FromUsername("app", new CredentialsFromUsernameOptions { Password = [|SecretValue.UnsafePlainText("hunter2")|] }),
                        });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", MasterUsername = "admin", [|MasterUserPassword = "hunter2"|] });
                """);
            var fixedSource = CdkTest.Stack("""
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.POSTGRES,
                            Vpc = vpc,
                            Credentials = Credentials.FromGeneratedSecret("admin"),
                        });
                        new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Vpc = vpc,
                            Credentials = Credentials.FromGeneratedSecret("app"),
                        });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { Engine = "postgres", MasterUsername = "admin", ManageMasterUserPassword = true });
                """);
            await CdkTest.FixAsync<UseManagedMasterUserPasswordAnalyzer, UseManagedMasterUserPasswordFixer>(source, fixedSource, UseManagedMasterUserPasswordFixer.EquivalenceKey);
        }

        // ---- DLA3005 proxy TLS ----

        [Fact]
        public async Task ProxyWithoutTls_Reports()
        {
            var source = CdkTest.Stack("""
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        db.AddProxy("Proxy", new DatabaseProxyOptions { Secrets = new[] { db.Secret }, Vpc = vpc, {|#0:RequireTLS = false|} });
                        new DatabaseProxy(this, "Direct", new DatabaseProxyProps { ProxyTarget = ProxyTarget.FromInstance(db), Secrets = new[] { db.Secret }, Vpc = vpc, [|RequireTLS = false|] });
                        new CfnDBProxy(this, "L1", {|#1:new CfnDBProxyProps|} { EngineFamily = "POSTGRESQL", RoleArn = "arn", VpcSubnetIds = new[] { "subnet-1" }, Auth = new object[0] });
                        new CfnDBProxy(this, "L1Off", new CfnDBProxyProps { EngineFamily = "POSTGRESQL", RoleArn = "arn", VpcSubnetIds = new[] { "subnet-1" }, Auth = new object[0], [|RequireTls = false|] });
                """);
            await CdkTest.AnalyzeAsync<RequireTlsOnRdsProxyAnalyzer>(
                source,
                Verify<RequireTlsOnRdsProxyAnalyzer>.Diagnostic("DLA3005").WithLocation(0).WithArguments("RequireTLS = false on this proxy (AddProxy)", "RequireTLS"),
                Verify<RequireTlsOnRdsProxyAnalyzer>.Diagnostic("DLA3005").WithLocation(1).WithArguments(
                    "This CfnDBProxy (CloudFormation leaves TLS optional unless RequireTls = true; only the DatabaseProxy construct defaults it to true)", "RequireTls"));
        }

        [Fact]
        public async Task ProxyDefaultsAndTls_NoDiagnostic()
        {
            var source = CdkTest.Stack("""
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        db.AddProxy("Proxy", new DatabaseProxyOptions { Secrets = new[] { db.Secret }, Vpc = vpc });
                        db.AddProxy("Tls", new DatabaseProxyOptions { Secrets = new[] { db.Secret }, Vpc = vpc, RequireTLS = true });
                        new CfnDBProxy(this, "L1", new CfnDBProxyProps { EngineFamily = "POSTGRESQL", RoleArn = "arn", VpcSubnetIds = new[] { "subnet-1" }, Auth = new object[0], RequireTls = true });
                """);
            await CdkTest.AnalyzeAsync<RequireTlsOnRdsProxyAnalyzer>(source);
        }

        [Fact]
        public async Task ProxyTls_Fixes()
        {
            var source = CdkTest.Stack("""
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        db.AddProxy("Proxy", new DatabaseProxyOptions { Secrets = new[] { db.Secret }, Vpc = vpc, [|RequireTLS = false|] });
                        new CfnDBProxy(this, "L1", [|new CfnDBProxyProps|] { EngineFamily = "POSTGRESQL" });
                """);
            var fixedSource = CdkTest.Stack("""
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        db.AddProxy("Proxy", new DatabaseProxyOptions { Secrets = new[] { db.Secret }, Vpc = vpc, RequireTLS = true });
                        new CfnDBProxy(this, "L1", new CfnDBProxyProps { EngineFamily = "POSTGRESQL", RequireTls = true });
                """);
            await CdkTest.FixAsync<RequireTlsOnRdsProxyAnalyzer, RequireTlsOnRdsProxyFixer>(source, fixedSource, RequireTlsOnRdsProxyFixer.EquivalenceKey);
        }

        // ---- DLA3007 customer-managed KMS key ----

        [Fact]
        public async Task TablesWithoutCustomerManagedKey_Reports()
        {
            var source = CdkTest.TableStack($$"""
                        new Table(this, "Orders", {|#0:new TableProps|} { PartitionKey = {{Key}} });
                        new Table(this, "Managed", new TableProps { PartitionKey = {{Key}}, {|#1:Encryption = TableEncryption.AWS_MANAGED|} });
                        new TableV2(this, "Global", [|new TablePropsV2|] { PartitionKey = {{Key}} });
                        new TableV2(this, "GlobalOwned", new TablePropsV2 { PartitionKey = {{Key}}, [|Encryption = TableEncryptionV2.DynamoOwnedKey()|] });
                        new CfnTable(this, "L1", [|new CfnTableProps|] { TableName = "orders" });
                """);
            await CdkTest.AnalyzeAsync<UseCustomerManagedKeyForDynamoDbAnalyzer>(
                source,
                Verify<UseCustomerManagedKeyForDynamoDbAnalyzer>.Diagnostic("DLA3007").WithLocation(0).WithArguments(
                    "This Table (CDK's default encryption)", "set Encryption = TableEncryption.CUSTOMER_MANAGED or an EncryptionKey to control the key"),
                Verify<UseCustomerManagedKeyForDynamoDbAnalyzer>.Diagnostic("DLA3007").WithLocation(1).WithArguments(
                    "Encryption = TableEncryption.AWS_MANAGED on this Table", "set Encryption = TableEncryption.CUSTOMER_MANAGED or an EncryptionKey to control the key"));
        }

        [Fact]
        public async Task CustomerManagedKeys_NoDiagnostic()
        {
            var source = CdkTest.TableStack($$"""
                        new Table(this, "Cmk", new TableProps { PartitionKey = {{Key}}, Encryption = TableEncryption.CUSTOMER_MANAGED });
                        new Table(this, "Key", new TableProps { PartitionKey = {{Key}}, EncryptionKey = key });
                        new TableV2(this, "Global", new TablePropsV2 { PartitionKey = {{Key}}, Encryption = TableEncryptionV2.CustomerManagedKey(key) });
                        new CfnTable(this, "L1", new CfnTableProps { SseSpecification = new CfnTable.SSESpecificationProperty { SseEnabled = true, SseType = "KMS" } });
                        new Table(this, "Ctx", new TableProps { PartitionKey = {{Key}}, Encryption = (TableEncryption)this.Node.TryGetContext("enc") });
                """);
            await CdkTest.AnalyzeAsync<UseCustomerManagedKeyForDynamoDbAnalyzer>(source);
        }

        [Fact]
        public async Task CustomerManagedKey_Fixes()
        {
            var source = CdkTest.TableStack($$"""
                        new Table(this, "Orders", [|new TableProps|] { PartitionKey = {{Key}} });
                        new Table(this, "Managed", new TableProps { PartitionKey = {{Key}}, [|Encryption = TableEncryption.DEFAULT|] });
                        new CfnTable(this, "L1", [|new CfnTableProps|] { TableName = "orders" });
                """);
            var fixedSource = CdkTest.TableStack($$"""
                        new Table(this, "Orders", new TableProps { PartitionKey = {{Key}}, Encryption = TableEncryption.CUSTOMER_MANAGED });
                        new Table(this, "Managed", new TableProps { PartitionKey = {{Key}}, Encryption = TableEncryption.CUSTOMER_MANAGED });
                        new CfnTable(this, "L1", new CfnTableProps { TableName = "orders", SseSpecification = new CfnTable.SSESpecificationProperty { SseEnabled = true, SseType = "KMS" } });
                """);
            await CdkTest.FixAsync<UseCustomerManagedKeyForDynamoDbAnalyzer, UseCustomerManagedKeyForDynamoDbFixer>(source, fixedSource, UseCustomerManagedKeyForDynamoDbFixer.EquivalenceKey);
        }
    }
}
