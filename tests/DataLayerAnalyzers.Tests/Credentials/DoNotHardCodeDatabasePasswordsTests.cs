using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Credentials
{
    public class DoNotHardCodeDatabasePasswordsTests
    {
        private static Task Analyze(string source, params DiagnosticResult[] expected) => Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.AnalyzerAsync(source, expected);

        private static Task Fix(string source, string fixedSource) =>
            Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.CodeFixAsync<DoNotHardCodeDatabasePasswordsFixer>(source, fixedSource);

        [Fact]
        public async Task PasswordsInEveryProviderAndEntryPoint_Report()
        {
            await Analyze("""
                using Microsoft.EntityFrameworkCore;
                class Repo
                {
                    void Open(DbContextOptionsBuilder options)
                    {
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Username=app;Password=Sup3rSecret!"|]).Dispose();
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;PSW=Sup3rSecret!"|]).Dispose();
                        new Microsoft.Data.SqlClient.SqlConnection([|"Server=ledger.rds.amazonaws.com;User ID=app;PWD=Sup3rSecret!"|]).Dispose();
                        new MySqlConnector.MySqlConnection([|"Server=orders.rds.amazonaws.com;pwd='se;cret'"|]).Dispose();
                        new MySql.Data.MySqlClient.MySqlConnection([|"server=orders.rds.amazonaws.com;password=Sup3rSecret!"|]).Dispose();
                        new Npgsql.NpgsqlDataSourceBuilder([|"Host=ledger.rds.amazonaws.com;Password=Sup3rSecret!"|]).Build();
                        StackExchange.Redis.ConnectionMultiplexer.Connect([|"ledger-cache.cache.amazonaws.com:6380,ssl=true,password=Sup3rSecret!"|]);
                        options.UseNpgsql([|"Host=ledger.rds.amazonaws.com;Password=Sup3rSecret!"|]);
                    }
                }
                """);
        }

        [Fact]
        public async Task TypedPasswordProperties_Report()
        {
            await Analyze("""
                class Settings
                {
                    const string Secret = "Sup3rSecret!";
                    void Configure(string fromVault)
                    {
                        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder { Host = "ledger.rds.amazonaws.com", [|Password = Secret|] };
                        var mysql = new MySqlConnector.MySqlConnectionStringBuilder();
                        [|mysql.Password = "Sup3rSecret!"|];
                        var redis = new StackExchange.Redis.ConfigurationOptions { [|Password = "Sup3rSecret!"|] };
                        var ok = new Npgsql.NpgsqlConnectionStringBuilder { Password = fromVault };
                    }
                }
                """);
        }

        [Fact]
        public async Task PlaceholdersUnknownValuesAndIntegratedSecurity_NoDiagnostic()
        {
            await Analyze("""
                using Microsoft.Extensions.Configuration;
                class Repo
                {
                    void Open(IConfiguration configuration, string token)
                    {
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;Password=").Dispose();
                        new Npgsql.NpgsqlConnection(string.Format("Host=ledger.rds.amazonaws.com;Password={0}", token)).Dispose();
                        new Npgsql.NpgsqlConnection($"Host=ledger.rds.amazonaws.com;Password={token}").Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;Password=" + token).Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;Password=${DB_PASSWORD}").Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;Password=<your-password>").Dispose();
                        new Npgsql.NpgsqlConnection(configuration.GetConnectionString("Ledger")).Dispose();
                        new Microsoft.Data.SqlClient.SqlConnection("Server=ledger.rds.amazonaws.com;Integrated Security=true;Password=ignored").Dispose();
                        new Npgsql.NpgsqlConnection("Host=localhost;Password=postgres").Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;Username=app").Dispose();
                        new Npgsql.NpgsqlConnection("Host=ledger.rds.amazonaws.com;SSL Password=notthedbpassword").Dispose();
                    }
                }
                """);
        }

        [Fact]
        public async Task MessageNamesTheKeywordNeverTheValue()
        {
            await Analyze(
                """
                class Repo { object Open() => new Npgsql.NpgsqlConnection({|#0:"Host=ledger.rds.amazonaws.com;PWD=Sup3rSecret!"|}); }
                """,
                Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.Diagnostic("DLA2002").WithLocation(0)
                    .WithMessage("'PWD' is set to a literal password: use IAM database authentication, Secrets Manager or the environment instead"));
        }

        [Fact]
        public async Task PasswordInSeparateLiteral_ReportsThatLiteral()
        {
            await Analyze("""
                class Repo
                {
                    const string Host = "Host=ledger.rds.amazonaws.com;";
                    object Open() => new Npgsql.NpgsqlConnection(Host + "Password=" + [|"Sup3rSecret!"|]);
                }
                """);
        }

        [Fact]
        public async Task LiteralsInCode_FixAll()
        {
            await Fix("""
                using System;
                class Repo
                {
                    void Open(string host)
                    {
                        new Npgsql.NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Password=Sup3rSecret!;Database=ledger"|]).Dispose();
                        new Npgsql.NpgsqlConnection($"Host={host}[|;Password=Sup3rSecret!|]").Dispose();
                        StackExchange.Redis.ConnectionMultiplexer.Connect([|"ledger-cache.cache.amazonaws.com:6380,password=Sup3rSecret!,ssl=true"|]);
                    }
                }
                """, """
                using System;
                class Repo
                {
                    void Open(string host)
                    {
                        new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder("Host=ledger.rds.amazonaws.com;Database=ledger") { Password = Environment.GetEnvironmentVariable("LEDGER_DB_PASSWORD") }.ConnectionString).Dispose();
                        new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder($"Host={host}") { Password = Environment.GetEnvironmentVariable("REPO_DB_PASSWORD") }.ConnectionString).Dispose();
                        StackExchange.Redis.ConnectionMultiplexer.Connect("ledger-cache.cache.amazonaws.com:6380,ssl=true", options => options.Password = Environment.GetEnvironmentVariable("LEDGER_CACHE_PASSWORD"));
                    }
                }
                """);
        }

        [Fact]
        public async Task ConstField_BecomesStaticReadonly()
        {
            await Fix("""
                using System;
                class Repo
                {
                    private const string Ledger = [|"Host=ledger.rds.amazonaws.com;Password=Sup3rSecret!"|];
                    object Open() => new Npgsql.NpgsqlConnection(Ledger);
                }
                """, """
                using System;
                class Repo
                {
                    private static readonly string Ledger = new Npgsql.NpgsqlConnectionStringBuilder("Host=ledger.rds.amazonaws.com") { Password = Environment.GetEnvironmentVariable("LEDGER_DB_PASSWORD") }.ConnectionString;
                    object Open() => new Npgsql.NpgsqlConnection(Ledger);
                }
                """);
        }

        [Fact]
        public async Task TypedPassword_Fixes()
        {
            await Fix("""
                using System;
                class Settings
                {
                    object Build() => new Npgsql.NpgsqlConnectionStringBuilder { Host = "ledger.rds.amazonaws.com", [|Password = "Sup3rSecret!"|] };
                }
                """, """
                using System;
                class Settings
                {
                    object Build() => new Npgsql.NpgsqlConnectionStringBuilder { Host = "ledger.rds.amazonaws.com", Password = Environment.GetEnvironmentVariable("LEDGER_DB_PASSWORD") };
                }
                """);
        }
    }
}
