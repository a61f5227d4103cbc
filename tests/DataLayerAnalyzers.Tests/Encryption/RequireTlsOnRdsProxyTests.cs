using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Encryption;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Encryption.RequireTlsOnRdsProxyAnalyzer>;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class RequireTlsOnRdsProxyTests
    {
        private static string Code(string body) => $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.RDS;
            using Amazon.RDS.Model;

            class ProxyProvisioner
            {
                private const bool Tls = false;
                private readonly IAmazonRDS _rds;

                public ProxyProvisioner(IAmazonRDS rds) => _rds = rds;

            {{body}}
            }
            """;

        [Theory]
        [InlineData("CreateDBProxyRequest")]
        [InlineData("ModifyDBProxyRequest")]
        public async Task RequireTlsFalse_Reports(string type)
        {
            var source = Code($$"""
                    public object Build() => new {{type}} { DBProxyName = "orders", {|#0:RequireTLS = false|} };
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA3005").WithLocation(0).WithArguments("RequireTLS = false on this " + type, "RequireTLS"));
        }

        [Theory]
        [InlineData(ReferenceSet.All)]
        [InlineData(ReferenceSet.AllWithRdsV3)]
        public async Task NeverSetConstantAndLaterAssignment_Reports(ReferenceSet references)
        {
            var source = Code("""
                    public async Task CreateAsync(string roleArn)
                    {
                        await _rds.CreateDBProxyAsync({|#0:new CreateDBProxyRequest|}
                        {
                            DBProxyName = "orders",
                            EngineFamily = "POSTGRESQL",
                            RoleArn = roleArn,
                            Auth = new List<UserAuthConfig> { new UserAuthConfig { IAMAuth = IAMAuthMode.REQUIRED, SecretArn = "arn" } },
                        });
                        var modify = new ModifyDBProxyRequest { DBProxyName = "orders" };
                        [|modify.RequireTLS = Tls|];
                        await _rds.ModifyDBProxyAsync(modify);
                        var off = false;
                        await _rds.CreateDBProxyAsync(new CreateDBProxyRequest { DBProxyName = "billing", [|RequireTLS = off|] });
                    }
                """);
            var test = new AnalyzerTest<RequireTlsOnRdsProxyAnalyzer> { TestCode = source, References = references };
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("DLA3005").WithLocation(0).WithArguments("This CreateDBProxyRequest", "RequireTLS"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TlsRequiredUnknownOrModifyWithoutTls_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(bool requireTls)
                    {
                        await _rds.CreateDBProxyAsync(new CreateDBProxyRequest { DBProxyName = "orders", RequireTLS = true });
                        await _rds.CreateDBProxyAsync(new CreateDBProxyRequest { DBProxyName = "orders", RequireTLS = requireTls });
                        await _rds.ModifyDBProxyAsync(new ModifyDBProxyRequest { DBProxyName = "orders", IdleClientTimeout = 600 });
                        var request = new CreateDBProxyRequest { DBProxyName = "orders", RequireTLS = false };
                        request.RequireTLS = true;
                        await _rds.CreateDBProxyAsync(request);
                    }

                    public CreateDBProxyRequest Template() => new CreateDBProxyRequest { DBProxyName = "orders" };
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task FalseAndMissing_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBProxyAsync([|new CreateDBProxyRequest|] { DBProxyName = "orders", EngineFamily = "MYSQL" });
                        await _rds.CreateDBProxyAsync([|new CreateDBProxyRequest|]());
                        await _rds.ModifyDBProxyAsync(new ModifyDBProxyRequest { DBProxyName = "orders", [|RequireTLS = false|] });
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _rds.CreateDBProxyAsync(new CreateDBProxyRequest { DBProxyName = "orders", EngineFamily = "MYSQL", RequireTLS = true });
                        await _rds.CreateDBProxyAsync(new CreateDBProxyRequest() { RequireTLS = true });
                        await _rds.ModifyDBProxyAsync(new ModifyDBProxyRequest { DBProxyName = "orders", RequireTLS = true });
                    }
                """);
            await VerifyCS.CodeFixAsync<RequireTlsOnRdsProxyFixer>(source, fixedSource, RequireTlsOnRdsProxyFixer.EquivalenceKey);
        }
    }
}
