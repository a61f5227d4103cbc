using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Pooling
{
    public class DoNotDisableConnectionPoolingTests
    {
        private static Task Analyze(string source) => Verify<DoNotDisableConnectionPoolingAnalyzer>.AnalyzerAsync(source);

        private static Task Fix(string source, string fixedSource) =>
            Verify<DoNotDisableConnectionPoolingAnalyzer>.CodeFixAsync<DoNotDisableConnectionPoolingFixer>(source, fixedSource);

        [Fact]
        public async Task PoolingOffInEveryProvider_Reports()
        {
            await Analyze("""
                using Microsoft.EntityFrameworkCore;
                class Repo
                {
                    void Open(DbContextOptionsBuilder options)
                    {
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Pooling=false"|]).Dispose();
                        new Microsoft.Data.SqlClient.SqlConnection([|"Server=ledger.rds.amazonaws.com;Pooling=no"|]).Dispose();
                        new MySqlConnector.MySqlConnection([|"Server=orders.rds.amazonaws.com;Pooling=False"|]).Dispose();
                        new MySql.Data.MySqlClient.MySqlConnection([|"server=orders.rds.amazonaws.com;pooling=false"|]).Dispose();
                        Npgsql.NpgsqlDataSource.Create([|"Host=ledger.rds.amazonaws.com;Pooling=false"|]);
                        options.UseNpgsql([|"Host=ledger.rds.amazonaws.com;Pooling=false"|]);
                    }
                }
                """);
        }

        [Fact]
        public async Task LoopbackHost_StillReports()
        {
            await Analyze("""
                class Repo { object Open() => new Npgsql.NpgsqlConnection([|"Host=localhost;Pooling=false"|]); }
                """);
        }

        [Theory]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;Pooling=true")]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;Pooling=no")]
        [InlineData("Npgsql.NpgsqlConnection", "Host=db.example.com;Max Pool Size=0")]
        [InlineData("Microsoft.Data.SqlClient.SqlConnection", "Server=db.example.com;Max Pool Size=20")]
        [InlineData("Microsoft.Data.SqlClient.SqlConnection", "Server=db.example.com;Application Name=Pooling=false")]
        public async Task PoolingOnOrUnrelatedSettings_NoDiagnostic(string type, string connectionString)
        {
            await Analyze($$"""
                class Repo { object Open() => new {{type}}("{{connectionString}}"); }
                """);
        }

        [Fact]
        public async Task TypedPooling_Reports()
        {
            await Analyze("""
                class Settings
                {
                    void Configure()
                    {
                        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder { Host = "ledger.rds.amazonaws.com", [|Pooling = false|] };
                        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder();
                        [|sql.Pooling = false|];
                        var ok = new MySqlConnector.MySqlConnectionStringBuilder { Pooling = true };
                    }
                }
                """);
        }

        [Fact]
        public async Task AppSettingsJson_Reports()
        {
            var test = new AnalyzerTest<DoNotDisableConnectionPoolingAnalyzer> { TestCode = "class Program { }" };
            test.AdditionalFiles.Add(("appsettings.json", """
                { "ConnectionStrings": { "Ledger": [|"Host=ledger.rds.amazonaws.com;Database=ledger;Pooling=false"|], "Pooled": "Host=ledger.rds.amazonaws.com;Pooling=true" } }
                """));
            await test.RunAsync();
        }

        [Fact]
        public async Task StringsAndTypedSettings_FixAll()
        {
            await Fix("""
                class Repo
                {
                    void Open()
                    {
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Pooling=false;Database=ledger"|]).Dispose();
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Database=ledger;Pooling=false"|]).Dispose();
                        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder();
                        [|sql.Pooling = false|];
                        sql.DataSource = "ledger.rds.amazonaws.com";
                    }
                }
                """, """
                class Repo
                {
                    void Open()
                    {
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;Database=ledger").Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;Database=ledger").Dispose();
                        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder();
                        sql.DataSource = "ledger.rds.amazonaws.com";
                    }
                }
                """);
        }
    }
}
