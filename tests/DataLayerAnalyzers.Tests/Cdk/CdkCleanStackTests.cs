using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.Tests.Robustness;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.Cdk
{
    /// <summary>A stack written the recommended way: every analyzer, the opt-in rules on, finds nothing.</summary>
    public class CdkCleanStackTests
    {
        private const string CleanStack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.KMS;
            using Amazon.CDK.AWS.RDS;
            using Constructs;

            public sealed class CleanStack : Stack
            {
                public CleanStack(Construct scope, string id, IVpc vpc, IKey key) : base(scope, id)
                {
                    var db = new DatabaseInstance(this, "Orders", new DatabaseInstanceProps
                    {
                        Engine = DatabaseInstanceEngine.POSTGRES,
                        Vpc = vpc,
                        VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
                        StorageEncrypted = true,
                        MultiAz = true,
                        IamAuthentication = true,
                        BackupRetention = Duration.Days(14),
                        DeletionProtection = true,
                        Credentials = Credentials.FromGeneratedSecret("orders_admin"),
                    });
                    db.AddProxy("Proxy", new DatabaseProxyOptions { Secrets = new[] { db.Secret }, Vpc = vpc, IamAuth = true });

                    new DatabaseCluster(this, "Reporting", new DatabaseClusterProps
                    {
                        Engine = DatabaseClusterEngine.AURORA_POSTGRESQL,
                        Vpc = vpc,
                        Writer = ClusterInstance.ServerlessV2("writer", new ServerlessV2ClusterInstanceProps { PubliclyAccessible = false }),
                        Readers = new[] { ClusterInstance.Provisioned("reader") },
                        IamAuthentication = true,
                        StorageEncryptionKey = key,
                        Backup = new BackupProps { Retention = Duration.Days(7) },
                        Credentials = Credentials.FromSecret(db.Secret),
                    });

                    new Table(this, "Telemetry", new TableProps
                    {
                        PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "DeviceId", Type = AttributeType.STRING },
                        PointInTimeRecovery = true,
                        EncryptionKey = key,
                        DeletionProtection = true,
                    });
                    new TableV2(this, "Tenants", new TablePropsV2
                    {
                        PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "TenantId", Type = AttributeType.STRING },
                        PointInTimeRecovery = true,
                        Encryption = TableEncryptionV2.CustomerManagedKey(key),
                    });
                    new CfnDBProxy(this, "L1Proxy", new CfnDBProxyProps { EngineFamily = "POSTGRESQL", RoleArn = "arn", VpcSubnetIds = new[] { "subnet-1" }, Auth = new object[0], RequireTls = true });
                }
            }
            """;

        [Fact]
        public async Task RecommendedStack_NoDiagnostic()
        {
            var analyzers = AllAnalyzers.Create();
            var compilation = CSharpCompilation.Create(
                "CleanStack",
                new[] { CSharpSyntaxTree.ParseText(CleanStack, new CSharpParseOptions(LanguageVersion.Latest), "/src/CleanStack.cs") },
                TestReferences.Get(ReferenceSet.Cdk),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                        .Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn))));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(diagnostics);
        }
    }
}
