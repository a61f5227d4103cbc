using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DataLayerAnalyzers.Tests.Robustness;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DataLayerAnalyzers.Tests.Cdk
{
    /// <summary>
    /// Half-typed CDK code: every analyzer runs over the CDK test sources and the CDK sample cut short at several points,
    /// compiled against the real Amazon.CDK.Lib, and over hand-written incomplete CDK statements. No analyzer may throw (AD0001).
    /// </summary>
    public class CdkRobustnessTests
    {
        public static IEnumerable<object[]> Inputs()
        {
            var root = AllAnalyzers.RepositoryRoot();
            yield return new object[] { "samples/CdkStack/TenantDataStack.cs" };
            foreach (var file in Directory.GetFiles(Path.Combine(root, "tests", "DataLayerAnalyzers.Tests", "Cdk"), "Cdk*Tests.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                if (!file.EndsWith("CdkRobustnessTests.cs", StringComparison.Ordinal))
                {
                    yield return new object[] { Path.GetRelativePath(root, file).Replace('\\', '/') };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Inputs))]
        public async Task HalfTypedCdkSources_NeverThrow(string relativePath)
        {
            var text = File.ReadAllText(Path.Combine(AllAnalyzers.RepositoryRoot(), relativePath));
            var sources = relativePath.StartsWith("samples/", StringComparison.Ordinal) ? new List<string> { text } : StackSources(text);
            Assert.NotEmpty(sources);
            var runs = 0;
            await Parallel.ForEachAsync(sources.SelectMany(Cuts).Concat(sources), async (source, ct) =>
            {
                await RunAsync(source);
                System.Threading.Interlocked.Increment(ref runs);
            });
            Assert.True(runs > sources.Count, "every source is also cut");
        }

        [Theory]
        [InlineData("""new DatabaseInstance(this, "Db", new DatabaseInstanceProps { StorageEncrypted = });""")]
        [InlineData("""new DatabaseInstance(this, "Db", );""")]
        [InlineData("""new DatabaseInstance(this, "Db", new DatabaseInstanceProps { BackupRetention = Duration.Days( });""")]
        [InlineData("""new DatabaseInstance(this, "Db", new DatabaseInstanceProps { BackupRetention = Duration.Days("x") });""")]
        [InlineData("""new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Credentials = Credentials.FromPassword("a", SecretValue.UnsafePlainText( });""")]
        [InlineData("""new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Credentials = Credentials.FromPassword(SecretValue.UnsafePlainText("x")) });""")]
        [InlineData("""new DatabaseInstance(this, "Db", new DatabaseInstanceProps { VpcSubnets = new SubnetSelection { SubnetType = } });""")]
        [InlineData("""new DatabaseInstance(this, "Db", new DatabaseInstanceProps { VpcSubnets = new SubnetSelection { SubnetType = (SubnetType)42 } });""")]
        [InlineData("""var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps()); db.AddProxy("P", new DatabaseProxyOptions { RequireTLS = """)]
        [InlineData("""new DatabaseCluster(this, "C", new DatabaseClusterProps { Writer = ClusterInstance.Provisioned("w", new ProvisionedClusterInstanceProps { PubliclyAccessible = true """)]
        [InlineData("""new DatabaseCluster(this, "C", new DatabaseClusterProps { Backup = new BackupProps { Retention = Duration.Seconds() } });""")]
        [InlineData("""new CfnDBInstance(this, "L1", new CfnDBInstanceProps { BackupRetentionPeriod = "zero", StorageEncrypted = "no", MasterUserPassword = 42 });""")]
        [InlineData("""new CfnDBInstance(this, "L1") { StorageEncrypted = false }; new CfnDBProxy(this, "P", null);""")]
        [InlineData("""new Amazon.CDK.AWS.DynamoDB.Table(this, "T", new Amazon.CDK.AWS.DynamoDB.TableProps { Encryption = (Amazon.CDK.AWS.DynamoDB.TableEncryption)7, PointInTimeRecovery = """)]
        [InlineData("""new Amazon.CDK.AWS.DynamoDB.TableV2(this, "T", new Amazon.CDK.AWS.DynamoDB.TablePropsV2 { Encryption = Amazon.CDK.AWS.DynamoDB.TableEncryptionV2.CustomerManagedKey( });""")]
        [InlineData("""new Amazon.CDK.AWS.DynamoDB.CfnTable(this, "T", new Amazon.CDK.AWS.DynamoDB.CfnTableProps { PointInTimeRecoverySpecification = new { PointInTimeRecoveryEnabled = false }, SseSpecification = """)]
        [InlineData("""IDatabaseInstanceProps p = null; p.StorageEncrypted = false; new DatabaseInstance(this, "Db", p);""")]
        [InlineData("""new DatabaseInstance(this, "Db", Build(Build(Build())));""")]
        public async Task IncompleteCdkStatements_NeverThrow(string body)
        {
            await RunAsync(CdkTest.Stack(body, "    static DatabaseInstanceProps Build(object o = null) => Build(o);"));
        }

        /// <summary>Each raw string literal of a CDK test file, markup stripped, inside the stack it is written for.</summary>
        private static List<string> StackSources(string testFileText)
        {
            var result = new List<string>();
            foreach (var token in CSharpSyntaxTree.ParseText(testFileText).GetRoot().DescendantTokens())
            {
                string raw;
                if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                {
                    raw = token.ValueText;
                }
                else if (token.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken) && token.Parent is InterpolatedStringExpressionSyntax interpolated)
                {
                    raw = string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : """new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk" }"""));
                }
                else
                {
                    continue;
                }

                if (!raw.Contains("new ", StringComparison.Ordinal))
                {
                    continue;
                }

                var body = Regex.Replace(raw, @"\{\|[#A-Z0-9]+:|\|\}|\[\||\|\]", string.Empty);
                var isMember = body.TrimStart().StartsWith("p", StringComparison.Ordinal);
                result.Add(body.Contains("Table", StringComparison.Ordinal)
                    ? (isMember ? CdkTest.TableStack(string.Empty, body) : CdkTest.TableStack(body))
                    : (isMember ? CdkTest.Stack(string.Empty, body) : CdkTest.Stack(body)));
            }

            return result;
        }

        private static IEnumerable<string> Cuts(string text) => RobustnessTests.Cuts(text);

        private static Task RunAsync(string source) => RobustnessTests.RunAsync(source, null, ReferenceSet.Cdk);
    }
}
