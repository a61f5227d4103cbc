using System.Threading.Tasks;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class ValidateDatabaseServerCertificateTests
    {
        private static Task Analyze(string source) => Verify<ValidateDatabaseServerCertificateAnalyzer>.AnalyzerAsync(source);

        private static Task Fix(string source, string fixedSource) =>
            Verify<ValidateDatabaseServerCertificateAnalyzer>.CodeFixAsync<ValidateDatabaseServerCertificateFixer>(source, fixedSource);

        [Fact]
        public async Task TrustServerCertificateInStrings_Reports()
        {
            await Analyze("""
                using Microsoft.EntityFrameworkCore;
                class Repo
                {
                    void Open(DbContextOptionsBuilder options)
                    {
                        new Microsoft.Data.SqlClient.SqlConnection([|"Server=ledger.rds.amazonaws.com;Encrypt=True;TrustServerCertificate=True"|]).Dispose();
                        new Microsoft.Data.SqlClient.SqlConnection([|"Server=ledger.rds.amazonaws.com;Trust Server Certificate=yes"|]).Dispose();
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;SSL Mode=Require;Trust Server Certificate=true"|]).Dispose();
                        options.UseSqlServer([|"Server=ledger.rds.amazonaws.com;TrustServerCertificate=true"|]);
                    }
                }
                """);
        }

        [Theory]
        [InlineData("Microsoft.Data.SqlClient.SqlConnection", "Server=db.example.com;TrustServerCertificate=False")]
        [InlineData("Microsoft.Data.SqlClient.SqlConnection", "Server=localhost;TrustServerCertificate=True")]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;Trust Server Certificate=yes")]
        [InlineData("MySqlConnector.MySqlConnection", "Server=db.example.com;TrustServerCertificate=true")]
        public async Task SafeValuesLoopbackAndUnknownKeywords_NoDiagnostic(string type, string connectionString)
        {
            await Analyze($$"""
                class Repo { object Open() => new {{type}}("{{connectionString}}"); }
                """);
        }

        [Fact]
        public async Task TypedTrustServerCertificate_Reports()
        {
            await Analyze("""
                class Settings
                {
                    void Configure()
                    {
                        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "ledger.rds.amazonaws.com", [|TrustServerCertificate = true|] };
                        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder();
                        [|npgsql.TrustServerCertificate = true|];
                        var local = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "localhost", TrustServerCertificate = true };
                        var off = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { TrustServerCertificate = false };
                    }
                }
                """);
        }

        [Fact]
        public async Task AlwaysTrueCallbacks_Report()
        {
            await Analyze("""
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;
                using Npgsql;
                using StackExchange.Redis;
                class Sources
                {
                    void Build()
                    {
                        new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseUserCertificateValidationCallback([|(sender, certificate, chain, errors) => true|]).Build();
                        new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseUserCertificateValidationCallback([|AcceptAll|]);
                        new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseUserCertificateValidationCallback([|delegate { return true; }|]);
                        new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseSslClientAuthenticationOptionsCallback(o => o.RemoteCertificateValidationCallback = [|(s, c, ch, e) => true|]);
                        new MySqlConnector.MySqlDataSourceBuilder("Server=orders.rds.amazonaws.com").UseRemoteCertificateValidationCallback([|(s, c, ch, e) => { return true; }|]);
                        var options = ConfigurationOptions.Parse("ledger-cache.cache.amazonaws.com:6379,ssl=true");
                        options.CertificateValidation += [|(s, c, ch, e) => true|];
                        var connection = new NpgsqlConnection("Host=ledger.rds.amazonaws.com");
                        connection.UserCertificateValidationCallback = [|(s, c, ch, e) => true|];
                    }

                    static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
                }
                """);
        }

        [Fact]
        public async Task CallbacksThatCheckOrPin_NoDiagnostic()
        {
            await Analyze("""
                using System.Net.Security;
                using System.Net.Sockets;
                using System.IO;
                using Npgsql;
                class Sources
                {
                    const string Thumbprint = "A1B2";
                    void Build(Stream stream)
                    {
                        new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseUserCertificateValidationCallback((s, c, ch, errors) => errors == SslPolicyErrors.None);
                        new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseUserCertificateValidationCallback((s, c, ch, errors) => c != null && c.GetCertHashString() == Thumbprint);
                        new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseUserCertificateValidationCallback((s, c, ch, errors) =>
                        {
                            if (errors == SslPolicyErrors.None) return true;
                            return false;
                        });
                        // Not a database connection: an unrelated TLS stream is not this rule's business.
                        var ssl = new SslStream(stream, false, (s, c, ch, e) => true);
                        var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (s, c, ch, e) => true };
                    }
                }
                """);
        }

        [Fact]
        public async Task AppSettingsJson_Reports()
        {
            var test = new AnalyzerTest<ValidateDatabaseServerCertificateAnalyzer> { TestCode = "class Program { }" };
            test.AdditionalFiles.Add(("appsettings.json", """
                { "ConnectionStrings": {
                    "Reports": [|"Server=reports.rds.amazonaws.com;Database=r;User ID=app;TrustServerCertificate=True"|],
                    "Local": "Server=localhost;TrustServerCertificate=True",
                    "Strict": "Server=reports.rds.amazonaws.com;Encrypt=Strict" } }
                """));
            await test.RunAsync();
        }

        [Fact]
        public async Task TrustSettings_FixAll()
        {
            await Fix("""
                class Repo
                {
                    void Open()
                    {
                        new Microsoft.Data.SqlClient.SqlConnection([|"Server=ledger.rds.amazonaws.com;TrustServerCertificate=True;Encrypt=True"|]).Dispose();
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Trust Server Certificate=true"|]).Dispose();
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;SSL Mode=Require;Trust Server Certificate=true;Database=ledger"|]).Dispose();
                        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "ledger.rds.amazonaws.com", [|TrustServerCertificate = true|] };
                    }
                }
                """, """
                class Repo
                {
                    void Open()
                    {
                        new Microsoft.Data.SqlClient.SqlConnection("Server=ledger.rds.amazonaws.com;Encrypt=True").Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull").Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull;Database=ledger").Dispose();
                        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { DataSource = "ledger.rds.amazonaws.com" };
                    }
                }
                """);
        }

        [Fact]
        public async Task CallbackRegistrations_FixAll()
        {
            await Fix("""
                using Npgsql;
                using StackExchange.Redis;
                class Sources
                {
                    NpgsqlDataSource Build()
                    {
                        var builder = new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull");
                        builder.UseUserCertificateValidationCallback([|(s, c, ch, e) => true|]);
                        var options = ConfigurationOptions.Parse("ledger-cache.cache.amazonaws.com:6379,ssl=true");
                        options.CertificateValidation += [|(s, c, ch, e) => true|];
                        return new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").UseUserCertificateValidationCallback([|(s, c, ch, e) => true|]).Build();
                    }
                }
                """, """
                using Npgsql;
                using StackExchange.Redis;
                class Sources
                {
                    NpgsqlDataSource Build()
                    {
                        var builder = new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull");
                        var options = ConfigurationOptions.Parse("ledger-cache.cache.amazonaws.com:6379,ssl=true");
                        return new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com").Build();
                    }
                }
                """);
        }

        [Fact]
        public async Task OptionsCallbackRegistrations_FixAll()
        {
            // The shape of samples/BankingLedger: an options lambda whose only work is the always-true callback. The
            // registration goes (statement or link of a chain); a block-bodied lambda loses the assignment only.
            await Fix("""
                using Npgsql;
                class Sources
                {
                    NpgsqlDataSource Build()
                    {
                        var builder = new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull");
                        // accepts everything
                        builder.UseSslClientAuthenticationOptionsCallback(options =>
                            options.RemoteCertificateValidationCallback = [|(sender, certificate, chain, errors) => true|]);
                        builder.UseSslClientAuthenticationOptionsCallback(options =>
                        {
                            options.TargetHost = "ledger.rds.amazonaws.com";
                            options.RemoteCertificateValidationCallback = [|(s, c, ch, e) => true|];
                        });
                        _ = builder.Build();
                        return new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com")
                            .UseSslClientAuthenticationOptionsCallback(o => o.RemoteCertificateValidationCallback = [|(s, c, ch, e) => true|])
                            .Build();
                    }
                }
                """, """
                using Npgsql;
                class Sources
                {
                    NpgsqlDataSource Build()
                    {
                        var builder = new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull");
                        builder.UseSslClientAuthenticationOptionsCallback(options =>
                        {
                            options.TargetHost = "ledger.rds.amazonaws.com";
                        });
                        _ = builder.Build();
                        return new NpgsqlDataSourceBuilder("Host=ledger.rds.amazonaws.com")
                            .Build();
                    }
                }
                """);
        }
    }
}
