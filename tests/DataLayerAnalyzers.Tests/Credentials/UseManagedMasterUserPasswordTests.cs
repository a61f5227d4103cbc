using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Credentials;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Credentials.UseManagedMasterUserPasswordAnalyzer>;

namespace DataLayerAnalyzers.Tests.Credentials
{
    public class UseManagedMasterUserPasswordTests
    {
        private static string Code(string body) => $$"""
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class Provisioner
            {
                private const string AdminPassword = "Adm1n-Pa55w0rd";
                private readonly IAmazonRDS _rds;

                public Provisioner(IAmazonRDS rds) => _rds = rds;

            {{body}}
            }
            """;

        [Theory]
        [InlineData("CreateDBInstanceRequest")]
        [InlineData("CreateDBClusterRequest")]
        [InlineData("ModifyDBInstanceRequest")]
        public async Task LiteralInInitializer_ReportsAtLiteral(string type)
        {
            var source = Code($$"""
                    public object Build() => new {{type}} { MasterUserPassword = {|#0:"S3cr3t-Value!"|} };
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA2004").WithLocation(0).WithArguments("MasterUserPassword of this " + type, "set ManageMasterUserPassword = true so RDS keeps and rotates the password in Secrets Manager"));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task ConstructorArgumentConstantAndLaterAssignment_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest("orders", 20, "db.t3.micro", "postgres", "admin", [|"S3cr3t-Value!"|]));
                        var password = "R0tated-Value!";
                        var modify = new ModifyDBInstanceRequest("orders");
                        modify.MasterUserPassword = [|password|];
                        await _rds.ModifyDBInstanceAsync(modify);
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { MasterUserPassword = [|AdminPassword|] });
                    }
                """);
            await new AnalyzerTest<UseManagedMasterUserPasswordAnalyzer> { TestCode = source, References = references }.RunAsync();
        }

        [Fact]
        public async Task Message_NeverContainsThePassword()
        {
            var source = Code("""
                    public object Build() => new CreateDBInstanceRequest { MasterUserPassword = "S3cr3t-Value!" };
                """);
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("P", new[] { tree }, TestReferences.Get(ReferenceSet.All), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation
                .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new UseManagedMasterUserPasswordAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            var diagnostic = Assert.Single(diagnostics.Where(d => d.Id == "DLA2004"));
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain("S3cr3t", message);
            Assert.Contains("ManageMasterUserPassword", message);
            Assert.Equal("\"S3cr3t-Value!\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        }

        [Fact]
        public async Task ManagedOrExternalOrEmptyPassword_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(string passwordFromSecretStore)
                    {
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { ManageMasterUserPassword = true });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { MasterUserPassword = passwordFromSecretStore });
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest("orders", 20, "db.t3.micro", "postgres", "admin", null));
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { MasterUserPassword = System.Environment.GetEnvironmentVariable("DB_PASSWORD") });
                        await _rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest("orders") { MasterUserPassword = "" });
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task InitializerStatementAndConstructor_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { DBClusterIdentifier = "orders", MasterUserPassword = [|AdminPassword|] });
                        var modify = new ModifyDBInstanceRequest("orders");
                        modify.MasterUserPassword = [|"R0tated-Value!"|];
                        await _rds.ModifyDBInstanceAsync(modify);
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest("billing", 20, "db.t3.micro", "postgres", "admin", [|"S3cr3t-Value!"|]) { StorageEncrypted = true });
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest { DBClusterIdentifier = "orders", ManageMasterUserPassword = true });
                        var modify = new ModifyDBInstanceRequest("orders");
                        modify.ManageMasterUserPassword = true;
                        await _rds.ModifyDBInstanceAsync(modify);
                        await _rds.CreateDBInstanceAsync(new CreateDBInstanceRequest { DBInstanceIdentifier = "billing", AllocatedStorage = 20, DBInstanceClass = "db.t3.micro", Engine = "postgres", MasterUsername = "admin", ManageMasterUserPassword = true, StorageEncrypted = true });
                    }
                """);
            await VerifyCS.CodeFixAsync<UseManagedMasterUserPasswordFixer>(source, fixedSource, UseManagedMasterUserPasswordFixer.EquivalenceKey);
        }

        [Fact]
        public async Task ManageFlagAlreadyWritten_NoFixOffered()
        {
            var source = Code("""
                    public object Build() => new CreateDBInstanceRequest { ManageMasterUserPassword = false, MasterUserPassword = [|"S3cr3t-Value!"|] };
                """);
            await VerifyCS.CodeFixAsync<UseManagedMasterUserPasswordFixer>(source, source);
        }

        [Fact]
        public async Task ConstructorWithNamedArgumentsAndOverlappingInitializer_Fixes()
        {
            var source = Code("""
                    public object Build() => new CreateDBInstanceRequest(masterUserPassword: [|"S3cr3t-Value!"|], dbInstanceIdentifier: "orders", allocatedStorage: 20, dbInstanceClass: "db.t3.micro", engine: "postgres", masterUsername: "admin") { DBInstanceIdentifier = "orders-v2" };
                """);
            var fixedSource = Code("""
                    public object Build() => new CreateDBInstanceRequest { AllocatedStorage = 20, DBInstanceClass = "db.t3.micro", Engine = "postgres", MasterUsername = "admin", ManageMasterUserPassword = true, DBInstanceIdentifier = "orders-v2" };
                """);
            await VerifyCS.CodeFixAsync<UseManagedMasterUserPasswordFixer>(source, fixedSource, UseManagedMasterUserPasswordFixer.EquivalenceKey);
        }
    }
}
