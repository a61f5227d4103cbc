using System.Threading.Tasks;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class VerifyDatabaseServerIdentityTests
    {
        private static Task Analyze(string source, params DiagnosticResult[] expected) => Verify<VerifyDatabaseServerIdentityAnalyzer>.AnalyzerAsync(source, expected);

        private static Task Fix(string source, string fixedSource) =>
            Verify<VerifyDatabaseServerIdentityAnalyzer>.CodeFixAsync<VerifyDatabaseServerIdentityFixer>(source, fixedSource);

        [Fact]
        public async Task RequireModes_Report()
        {
            await Analyze("""
                using Microsoft.EntityFrameworkCore;
                class Repo
                {
                    void Open(DbContextOptionsBuilder options)
                    {
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;SSL Mode=Require;Root Certificate=/certs/global-bundle.pem"|]).Dispose();
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;sslmode=3"|]).Dispose();
                        new MySqlConnector.MySqlConnection([|"Server=orders.rds.amazonaws.com;SslMode=Required;SslCa=/certs/global-bundle.pem"|]).Dispose();
                        new MySql.Data.MySqlClient.MySqlConnection([|"server=orders.rds.amazonaws.com;ssl mode=Required"|]).Dispose();
                        options.UseNpgsql([|"Host=ledger.rds.amazonaws.com;SSL Mode=Require"|]);
                    }
                }
                """);
        }

        [Theory]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;SSL Mode=VerifyFull")]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;SSL Mode=VerifyCA")]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;SSL Mode=Disable")]
        [InlineData("Npgsql.NpgsqlConnection", "Host=localhost;SSL Mode=Require")]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;SSL Mode=Required")]
        [InlineData("MySqlConnector.MySqlConnection", "Server=db.example.com;SSL Mode=Require")]
        [InlineData("MySqlConnector.MySqlConnection", "Server=db.example.com;SSL Mode=VerifyCA")]
        [InlineData("Microsoft.Data.SqlClient.SqlConnection", "Server=db.example.com;Encrypt=true")]
        public async Task VerifyingModesLoopbackAndOtherProvidersKeywords_NoDiagnostic(string type, string connectionString)
        {
            await Analyze($$"""
                class Repo { object Open() => new {{type}}("{{connectionString}}"); }
                """);
        }

        [Fact]
        public async Task TypedSslMode_Reports()
        {
            await Analyze("""
                class Settings
                {
                    void Configure()
                    {
                        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder { Host = "ledger.rds.amazonaws.com", [|SslMode = Npgsql.SslMode.Require|] };
                        var mysql = new MySqlConnector.MySqlConnectionStringBuilder();
                        [|mysql.SslMode = MySqlConnector.MySqlSslMode.Required|];
                        var local = new Npgsql.NpgsqlConnectionStringBuilder { Host = "localhost", SslMode = Npgsql.SslMode.Require };
                    }
                }
                """);
        }

        [Fact]
        public async Task AppSettingsJson_Reports()
        {
            var test = new AnalyzerTest<VerifyDatabaseServerIdentityAnalyzer> { TestCode = "class Program { }" };
            test.AdditionalFiles.Add(("appsettings.Production.json", """
                {
                  "ConnectionStrings": {
                    "Ledger": [|"Host=ledger.rds.amazonaws.com;Database=ledger;SSL Mode=Require"|],
                    "Orders": [|"Server=orders.rds.amazonaws.com;SslMode=Required"|],
                    "Verified": "Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull"
                  }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public async Task MessageNamesTheMode()
        {
            await Analyze(
                """
                class Repo { object Open() => new Npgsql.NpgsqlConnection({|#0:"Host=ledger.rds.amazonaws.com;SSL Mode=Require"|}); }
                """,
                Verify<VerifyDatabaseServerIdentityAnalyzer>.Diagnostic("DLA3006").WithLocation(0)
                    .WithMessage("'SSL Mode=Require' encrypts but never checks the server certificate: use SSL Mode=VerifyFull"));
        }

        [Fact]
        public async Task StringsAndTypedSettings_FixAll()
        {
            await Fix("""
                class Repo
                {
                    void Open()
                    {
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;SSL Mode=Require;Root Certificate=/certs/global-bundle.pem"|]).Dispose();
                        new MySqlConnector.MySqlConnection([|"Server=orders.rds.amazonaws.com;SslMode=Required"|]).Dispose();
                        var builder = new Npgsql.NpgsqlConnectionStringBuilder { [|SslMode = Npgsql.SslMode.Require|] };
                    }
                }
                """, """
                class Repo
                {
                    void Open()
                    {
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull;Root Certificate=/certs/global-bundle.pem").Dispose();
                        new MySqlConnector.MySqlConnection("Server=orders.rds.amazonaws.com;SslMode=VerifyFull").Dispose();
                        var builder = new Npgsql.NpgsqlConnectionStringBuilder { SslMode = Npgsql.SslMode.VerifyFull };
                    }
                }
                """);
        }
    }
}
