using System.Linq;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace DataLayerAnalyzers.Tests.Infrastructure
{
    /// <summary>The request model engine on its own: what a request ends up with, and when the picture is complete.</summary>
    public class RequestModelTests
    {
        private static RequestModel Model(string body, string typeName, ReferenceSet references = ReferenceSet.All)
        {
            var source = $$"""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.RDS;
                using Amazon.RDS.Model;

                class C
                {
                    private const bool Off = false;
                    private CreateDBInstanceRequest _field = null!;
                    private IAmazonRDS _rds = null!;
                    private IAmazonDynamoDB _dynamo = null!;
                    private static void Tweak(CreateDBInstanceRequest r) { }

                {{body}}
                }
                """;
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("M", new[] { tree }, TestReferences.Get(references), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var model = compilation.GetSemanticModel(tree);
            var creation = tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>()
                .Select(n => model.GetOperation(n)).OfType<IObjectCreationOperation>()
                .First(o => o.Type?.Name == typeName);
            return RequestModel.FromCreation(creation);
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public void ConstructorInitializerAndLaterAssignments_LastWriteWins(ReferenceSet references)
        {
            var model = Model("""
                    async Task M()
                    {
                        var r = new CreateDBInstanceRequest("db", 20, "db.t3.micro", "postgres", "admin", "pw") { StorageEncrypted = true, BackupRetentionPeriod = 7 };
                        r.StorageEncrypted = Off;
                        await _rds.CreateDBInstanceAsync(r);
                    }
                """, "CreateDBInstanceRequest", references);
            Assert.True(model.IsComplete);
            Assert.True(model.IsBool("StorageEncrypted", false));
            Assert.True(model.TryGetInt("BackupRetentionPeriod", out var days, out _) && days == 7);
            Assert.True(model.TryGetInt("AllocatedStorage", out var storage, out _) && storage == 20);
            Assert.True(model.TryGetString("MasterUserPassword", out var password, out var setting) && password == "pw");
            Assert.IsType<ArgumentSyntax>(setting.Syntax);
        }

        [Fact]
        public void NestedObjects_AreDottedPaths()
        {
            var model = Model("""
                    async Task M(PointInTimeRecoverySpecification other)
                    {
                        var spec = new PointInTimeRecoverySpecification { RecoveryPeriodInDays = 35 };
                        var r = new UpdateContinuousBackupsRequest { PointInTimeRecoverySpecification = spec };
                        r.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled = true;
                        await _dynamo.UpdateContinuousBackupsAsync(r);
                    }
                """, "UpdateContinuousBackupsRequest");
            Assert.True(model.IsBool("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", true));
            Assert.True(model.TryGetInt("PointInTimeRecoverySpecification.RecoveryPeriodInDays", out var days, out _) && days == 35);
        }

        [Fact]
        public void ReplacingANestedObject_ForgetsItsMembers()
        {
            var model = Model("""
                    async Task M(SSESpecification fromCaller)
                    {
                        var r = new CreateTableRequest { SSESpecification = new SSESpecification { Enabled = false } };
                        r.SSESpecification = fromCaller;
                        await _dynamo.CreateTableAsync(r);
                    }
                """, "CreateTableRequest");
            Assert.True(model.IsSet("SSESpecification"));
            Assert.False(model.IsSet("SSESpecification.Enabled"));
        }

        [Theory]
        [InlineData("CreateDBInstanceRequest M() => new CreateDBInstanceRequest();")]
        [InlineData("void M() { _field = new CreateDBInstanceRequest(); }")]
        [InlineData("void M() { var r = new CreateDBInstanceRequest(); Tweak(r); }")]
        [InlineData("void M() { Tweak(new CreateDBInstanceRequest()); }")]
        [InlineData("object M() { var r = new CreateDBInstanceRequest(); var alias = r; return alias; }")]
        public void ObjectLeavesTheMethodsSight_Incomplete(string body)
        {
            Assert.False(Model(body, "CreateDBInstanceRequest").IsComplete);
        }

        [Fact]
        public void SentToTheSdk_Complete_AndCompoundWritesAreUnknown()
        {
            var model = Model("""
                    async Task M(int extra)
                    {
                        var r = new CreateDBInstanceRequest { BackupRetentionPeriod = 0 };
                        r.BackupRetentionPeriod += extra;
                        await _rds.CreateDBInstanceAsync(r);
                    }
                """, "CreateDBInstanceRequest");
            Assert.True(model.IsComplete);
            Assert.True(model.IsSet("BackupRetentionPeriod"));
            Assert.False(model.TryGetInt("BackupRetentionPeriod", out _, out _));
        }
    }
}
