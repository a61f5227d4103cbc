using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Durability;
using DataLayerAnalyzers.Durability;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Durability.DoNotMakeDatabasesPublicAnalyzer>;

namespace DataLayerAnalyzers.Tests.Durability
{
    public class DoNotMakeDatabasesPublicTests
    {
        private static string Code(string body) => $$"""
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class Provisioner
            {
                private const bool Exposed = true;
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
        [InlineData("CreateDBInstanceReadReplicaRequest")]
        public async Task InitializerOnEveryRequestType_Reports(string type)
        {
            var source = Code($$"""
                    public object Build() => new {{type}} { {|#0:PubliclyAccessible = true|} };
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA5002").WithLocation(0).WithArguments("PubliclyAccessible = true on this " + type));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task LaterAssignmentThroughConstantAndLocal_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders" };
                        [|request.PubliclyAccessible = Exposed|];
                        await _rds.CreateDBInstanceAsync(request);

                        var open = true;
                        var modify = new ModifyDBInstanceRequest("orders") { [|PubliclyAccessible = open|] };
                        await _rds.ModifyDBInstanceAsync(modify);
                    }
                """);
            await new AnalyzerTest<DoNotMakeDatabasesPublicAnalyzer> { TestCode = source, References = references }.RunAsync();
        }

        [Fact]
        public async Task RequestFromParameterOrFactory_Reports()
        {
            var source = Code("""
                    public void Expose(ModifyDBInstanceRequest request) => [|request.PubliclyAccessible = true|];

                    public async Task RestoreAsync()
                    {
                        var request = NewRestore();
                        [|request.PubliclyAccessible = true|];
                        await _rds.RestoreDBInstanceFromDBSnapshotAsync(request);
                    }

                    private static RestoreDBInstanceFromDBSnapshotRequest NewRestore() => new RestoreDBInstanceFromDBSnapshotRequest("orders", "orders-snap");
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task PrivateOrUnknownOrOverridden_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(bool fromConfig)
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { PubliclyAccessible = false });
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { PubliclyAccessible = fromConfig });
                        await _rds.CreateDBInstanceReadReplicaAsync(new CreateDBInstanceReadReplicaRequest());
                        var request = new ModifyDBInstanceRequest { PubliclyAccessible = true };
                        request.PubliclyAccessible = false;
                        await _rds.ModifyDBInstanceAsync(request);
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task DescribeResponseLookAlike_NoDiagnostic()
        {
            var source = Code("""
                    public async Task<bool> AuditAsync()
                    {
                        var response = await _rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "orders" });
                        var instance = response.DBInstances[0];
                        instance.PubliclyAccessible = true;
                        var copy = new DBInstance { PubliclyAccessible = true };
                        return instance.PubliclyAccessible == true && copy.PubliclyAccessible == true;
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task WithoutRdsReference_NoDiagnostic()
        {
            var test = new AnalyzerTest<DoNotMakeDatabasesPublicAnalyzer>
            {
                TestCode = "class Request { public bool? PubliclyAccessible { get; set; } object M() => new Request { PubliclyAccessible = true }; }",
                References = ReferenceSet.FrameworkOnly,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task InitializerAndLaterAssignment_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", [|PubliclyAccessible = true|] });
                        var replica = new CreateDBInstanceReadReplicaRequest("orders-ro", "orders");
                        [|replica.PubliclyAccessible = Exposed|];
                        await _rds.CreateDBInstanceReadReplicaAsync(replica);
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", PubliclyAccessible = false });
                        var replica = new CreateDBInstanceReadReplicaRequest("orders-ro", "orders");
                        replica.PubliclyAccessible = false;
                        await _rds.CreateDBInstanceReadReplicaAsync(replica);
                    }
                """);
            await VerifyCS.CodeFixAsync<DoNotMakeDatabasesPublicFixer>(source, fixedSource, DoNotMakeDatabasesPublicFixer.EquivalenceKey);
        }

        [Fact]
        public async Task SdkV3Shapes_Fixes()
        {
            var source = Code("""
                    public object Build() => new CreateDBClusterRequest { [|PubliclyAccessible = true|] };
                """);
            var fixedSource = Code("""
                    public object Build() => new CreateDBClusterRequest { PubliclyAccessible = false };
                """);
            await new CodeFixTest<DoNotMakeDatabasesPublicAnalyzer, DoNotMakeDatabasesPublicFixer> { TestCode = source, FixedCode = fixedSource, References = ReferenceSet.AllWithRdsV3 }.RunAsync();
        }

        [Fact]
        public async Task CreatedIntoFieldThenAssigned_ReportsOnce()
        {
            var source = Code("""
                    private ModifyDBInstanceRequest _pending = new ModifyDBInstanceRequest();

                    public void Prepare()
                    {
                        _pending = new ModifyDBInstanceRequest("orders");
                        [|_pending.PubliclyAccessible = true|];
                    }

                    public void Open() => [|_pending.PubliclyAccessible = Exposed|];
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task HalfTypedCode_DoesNotCrash()
        {
            var source = Code("""
                    public void Build(ModifyDBInstanceRequest request)
                    {
                        request.PubliclyAccessible = ;
                        request. = true;
                        var r = new RestoreDBInstanceFromDBSnapshotRequest { [|PubliclyAccessible = true|], Missing = 1 
                    }
                """);
            await new AnalyzerTest<DoNotMakeDatabasesPublicAnalyzer> { TestCode = source, AllowCompilerErrors = true }.RunAsync();
        }

        [Fact]
        public async Task TopLevelStatements_ReportsOnce()
        {
            var source = """
                using Amazon.RDS;
                using Amazon.RDS.Model;

                var rds = new AmazonRDSClient();
                var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders" };
                [|request.PubliclyAccessible = true|];
                await rds.CreateDBInstanceAsync(request);
                CreateDBInstanceRequest later;
                later = new CreateDBInstanceRequest();
                [|later.PubliclyAccessible = true|];
                await rds.CreateDBInstanceAsync(later);
                """;
            await new AnalyzerTest<DoNotMakeDatabasesPublicAnalyzer> { TestCode = source, OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication }.RunAsync();
        }
    }
}
