using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Durability;
using DataLayerAnalyzers.Durability;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Durability.EnableIamDatabaseAuthenticationAnalyzer>;

namespace DataLayerAnalyzers.Tests.Durability
{
    public class EnableIamDatabaseAuthenticationTests
    {
        private static string Code(string body) => $$"""
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class Provisioner
            {
                private const bool Iam = false;
                private readonly IAmazonRDS _rds;

                public Provisioner(IAmazonRDS rds) => _rds = rds;

            {{body}}
            }
            """;

        [Theory]
        [InlineData("CreateDBInstanceRequest")]
        [InlineData("CreateDBClusterRequest")]
        public async Task NeverSetOrFalse_Reports(string type)
        {
            var source = Code($$"""
                    public Task Build() => _rds.{{type.Replace("Request", "Async")}}({|#0:new {{type}}|} { });
                    public object BuildOff() => new {{type}} { {|#1:EnableIAMDatabaseAuthentication = false|} };
                """);
            await VerifyCS.AnalyzerAsync(
                source,
                VerifyCS.Diagnostic("DLA5005").WithLocation(0).WithArguments("This " + type, "EnableIAMDatabaseAuthentication"),
                VerifyCS.Diagnostic("DLA5005").WithLocation(1).WithArguments("This " + type, "EnableIAMDatabaseAuthentication"));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task ConstantLocalAndLaterAssignment_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "orders", EnableIAMDatabaseAuthentication = true };
                        [|request.EnableIAMDatabaseAuthentication = Iam|];
                        await _rds.CreateDBInstanceAsync(request);
                        var iam = false;
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { [|EnableIAMDatabaseAuthentication = iam|] });
                    }
                """);
            await new AnalyzerTest<EnableIamDatabaseAuthenticationAnalyzer> { TestCode = source, References = references }.RunAsync();
        }

        [Fact]
        public async Task EnabledUnknownAuroraMemberOrModify_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(bool iam)
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { EnableIAMDatabaseAuthentication = true });
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { EnableIAMDatabaseAuthentication = iam });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "orders-1", DBClusterIdentifier = "orders" });
                        await _rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest("orders") { EnableIAMDatabaseAuthentication = false });
                    }

                    public CreateDBInstanceRequest Template() => new CreateDBInstanceRequest { DBInstanceIdentifier = "orders" };
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task MissingAndFalse_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBClusterAsync([|new CreateDBClusterRequest|] { DBClusterIdentifier = "orders" });
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "billing" };
                        [|request.EnableIAMDatabaseAuthentication = false|];
                        await _rds.CreateDBInstanceAsync(request);
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { DBClusterIdentifier = "orders", EnableIAMDatabaseAuthentication = true });
                        var request = new CreateDBInstanceRequest { DBInstanceIdentifier = "billing" };
                        request.EnableIAMDatabaseAuthentication = true;
                        await _rds.CreateDBInstanceAsync(request);
                    }
                """);
            await VerifyCS.CodeFixAsync<EnableIamDatabaseAuthenticationFixer>(source, fixedSource, EnableIamDatabaseAuthenticationFixer.EquivalenceKey);
        }
    }
}
