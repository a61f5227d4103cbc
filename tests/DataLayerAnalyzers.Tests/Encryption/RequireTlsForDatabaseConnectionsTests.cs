using System.Threading.Tasks;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class RequireTlsForDatabaseConnectionsTests
    {
        private static Task Analyze(string source, params DiagnosticResult[] expected) => Verify<RequireTlsForDatabaseConnectionsAnalyzer>.AnalyzerAsync(source, expected);

        private static Task Fix(string source, string fixedSource) =>
            Verify<RequireTlsForDatabaseConnectionsAnalyzer>.CodeFixAsync<RequireTlsForDatabaseConnectionsFixer>(source, fixedSource);

        private static Task AnalyzeJson(string json, string fileName = "appsettings.json")
        {
            var test = new AnalyzerTest<RequireTlsForDatabaseConnectionsAnalyzer> { TestCode = "class Program { }" };
            test.AdditionalFiles.Add((fileName, json));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("SSL Mode=Disable")]
        [InlineData("SslMode=Allow")]
        [InlineData("sslmode=prefer")]
        [InlineData("SSL Mode=0")]
        public async Task NpgsqlConnectionWithPlaintextMode_Reports(string setting)
        {
            await Analyze($$"""
                using Npgsql;
                class Repo
                {
                    NpgsqlConnection Open() => new NpgsqlConnection([|"Host=ledger.cluster-abc.eu-west-1.rds.amazonaws.com;Username=app;{{setting}}"|]);
                }
                """);
        }

        [Theory]
        [InlineData("SSL Mode=VerifyFull")]
        [InlineData("SSL Mode=VerifyCA")]
        [InlineData("SSL Mode=Require")]
        [InlineData("Database=ledger")]
        [InlineData("SSL Mode=verify-full")]
        [InlineData("Encrypt=false")]
        public async Task NpgsqlConnectionWithoutPlaintextMode_NoDiagnostic(string setting)
        {
            await Analyze($$"""
                using Npgsql;
                class Repo
                {
                    NpgsqlConnection Open() => new NpgsqlConnection("Host=ledger.example.com;{{setting}}");
                }
                """);
        }

        [Theory]
        [InlineData("Encrypt=False")]
        [InlineData("encrypt=no")]
        [InlineData("Encrypt=Optional")]
        public async Task SqlClientEncryptOff_Reports(string setting)
        {
            await Analyze($$"""
                using Microsoft.Data.SqlClient;
                class Repo
                {
                    SqlConnection Open() => new SqlConnection([|"Server=ledger.rds.amazonaws.com;Database=Ledger;{{setting}}"|]);
                }
                """);
        }

        [Theory]
        [InlineData("Encrypt=True")]
        [InlineData("Encrypt=Strict")]
        [InlineData("SSL Mode=Disable")]
        [InlineData("SslMode=None")]
        public async Task SqlClientWithoutPlaintextSetting_NoDiagnostic(string setting)
        {
            await Analyze($$"""
                using Microsoft.Data.SqlClient;
                class Repo
                {
                    SqlConnection Open() => new SqlConnection("Server=ledger.rds.amazonaws.com;{{setting}}");
                }
                """);
        }

        [Fact]
        public async Task MySqlProvidersPlaintextModes_Report()
        {
            await Analyze("""
                class Repo
                {
                    void Open()
                    {
                        var a = new MySqlConnector.MySqlConnection([|"Server=orders.rds.amazonaws.com;SSL Mode=Preferred"|]);
                        var b = new MySqlConnector.MySqlDataSource([|"Server=orders.rds.amazonaws.com;SslMode=None"|]);
                        var c = new MySql.Data.MySqlClient.MySqlConnection([|"server=orders.rds.amazonaws.com;ssl-mode=Disabled"|]);
                        var d = new MySql.Data.MySqlClient.MySqlConnection([|"server=orders.rds.amazonaws.com;sslmode=Prefered"|]);
                        var e = new MySqlConnector.MySqlConnection("Server=orders.rds.amazonaws.com;SSL Mode=VerifyFull");
                        var f = new MySqlConnector.MySqlConnection("Server=orders.rds.amazonaws.com;ssl-mode=None");
                    }
                }
                """);
        }

        [Fact]
        public async Task EfCoreEntryPoints_Report()
        {
            await Analyze("""
                using Microsoft.EntityFrameworkCore;
                class LedgerContext : DbContext
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder options)
                    {
                        options.UseNpgsql([|"Host=ledger.rds.amazonaws.com;SSL Mode=Prefer"|]);
                        options.UseSqlServer([|"Server=ledger.rds.amazonaws.com;Encrypt=false"|]);
                    }
                }
                """);
        }

        [Fact]
        public async Task OracleUseMySQL_Reports()
        {
            // Oracle's provider takes a newer MySql.Data than the one the other tests pin: its own reference set.
            var test = new AnalyzerTest<RequireTlsForDatabaseConnectionsAnalyzer>
            {
                TestCode = """
                    using Microsoft.EntityFrameworkCore;
                    class LedgerContext : DbContext
                    {
                        protected override void OnConfiguring(DbContextOptionsBuilder options)
                        {
                            options.UseMySQL([|"server=ledger.rds.amazonaws.com;sslmode=disabled"|]);
                            options.UseMySQL("server=ledger.rds.amazonaws.com;sslmode=VerifyFull");
                        }
                    }
                    """,
                References = ReferenceSet.AllWithOracleMySqlEf,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task PomeloUseMySql_Reports()
        {
            // Pomelo 9 takes EF Core 9: its own reference set.
            var test = new AnalyzerTest<RequireTlsForDatabaseConnectionsAnalyzer>
            {
                TestCode = """
                    using Microsoft.EntityFrameworkCore;
                    class LedgerContext : DbContext
                    {
                        protected override void OnConfiguring(DbContextOptionsBuilder options)
                        {
                            options.UseMySql([|"Server=ledger.rds.amazonaws.com;SslMode=Preferred"|], ServerVersion.AutoDetect("Server=x"));
                            options.UseMySql("Server=ledger.rds.amazonaws.com;SslMode=VerifyFull", new MySqlServerVersion(new System.Version(8, 0, 36)));
                        }
                    }
                    """,
                References = ReferenceSet.EfCore9Pomelo,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task RedisSslFalse_Reports()
        {
            await Analyze("""
                using StackExchange.Redis;
                class Cache
                {
                    static readonly ConnectionMultiplexer Redis = ConnectionMultiplexer.Connect([|"ledger-cache.abc123.use1.cache.amazonaws.com:6379,ssl=false,abortConnect=false"|]);
                    static ConfigurationOptions Options() => ConfigurationOptions.Parse([|"ledger-cache.abc123.use1.cache.amazonaws.com:6379,ssl=0"|]);
                    static ConfigurationOptions Good() => ConfigurationOptions.Parse("ledger-cache.abc123.use1.cache.amazonaws.com:6379,ssl=true");
                }
                """);
        }

        [Fact]
        public async Task TypedBuilderSettings_Report()
        {
            await Analyze("""
                using Npgsql;
                using StackExchange.Redis;
                class Settings
                {
                    void Configure()
                    {
                        var npgsql = new NpgsqlConnectionStringBuilder { Host = "db.example.com", [|SslMode = SslMode.Disable|] };
                        var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder("Server=db.example.com");
                        [|sql.Encrypt = false|];
                        var mysql = new MySql.Data.MySqlClient.MySqlConnectionStringBuilder();
                        [|mysql.SslMode = MySql.Data.MySqlClient.MySqlSslMode.None|];
                        var connector = new MySqlConnector.MySqlConnectionStringBuilder { [|SslMode = MySqlConnector.MySqlSslMode.Preferred|] };
                        var redis = new ConfigurationOptions { [|Ssl = false|] };
                        var ok = new NpgsqlConnectionStringBuilder { SslMode = SslMode.VerifyFull };
                    }
                }
                """);
        }

        [Fact]
        public async Task ValueThroughConstantsAndLocals_ReportsWhereWritten()
        {
            await Analyze("""
                using Npgsql;
                class Repo
                {
                    private const string Base = "Host=db.example.com;";
                    private const string Insecure = Base + [|"SSL Mode=Disable"|];
                    private static readonly string Field = [|"Host=db.example.com;SslMode=Allow"|];

                    void Open(string host)
                    {
                        var local = [|"Host=db.example.com;Database=ledger;SSL Mode=Prefer"|];
                        new NpgsqlConnection(Insecure).Dispose();
                        new NpgsqlConnection(Field).Dispose();
                        new NpgsqlConnection(local).Dispose();
                        new NpgsqlConnection("Host=" + host + [|";SSL Mode=Disable"|]).Dispose();
                        new NpgsqlConnection($"Host={host}[|;SSL Mode=Disable|]").Dispose();
                    }
                }
                """);
        }

        [Fact]
        public async Task ConnectionStringPropertySetter_Reports()
        {
            await Analyze("""
                using Npgsql;
                class Repo
                {
                    void Open()
                    {
                        var connection = new NpgsqlConnection();
                        connection.ConnectionString = [|"Host=db.example.com;SSL Mode=Disable"|];
                    }
                }
                """);
        }

        [Fact]
        public async Task ReassignedLocalOrConfigurationValue_NoDiagnostic()
        {
            await Analyze("""
                using Npgsql;
                using Microsoft.Extensions.Configuration;
                class Repo
                {
                    void Open(IConfiguration configuration, bool secure)
                    {
                        var cs = "Host=db.example.com;SSL Mode=Disable";
                        if (secure) cs = "Host=db.example.com;SSL Mode=VerifyFull";
                        new NpgsqlConnection(cs).Dispose();
                        new NpgsqlConnection(configuration.GetConnectionString("Ledger")).Dispose();
                        new NpgsqlConnection(System.Environment.GetEnvironmentVariable("LEDGER_DB")).Dispose();
                    }
                }
                """);
        }

        [Theory]
        [InlineData("Host=localhost;SSL Mode=Disable")]
        [InlineData("Host=127.0.0.1;SSL Mode=Disable")]
        [InlineData("Host=::1;SSL Mode=Disable")]
        public async Task LoopbackHost_NoDiagnostic(string connectionString)
        {
            await Analyze($$"""
                using Npgsql;
                class Repo { NpgsqlConnection Open() => new NpgsqlConnection("{{connectionString}}"); }
                """);
        }

        [Fact]
        public async Task LoopbackHostWithOptionOff_Reports()
        {
            var test = new AnalyzerTest<RequireTlsForDatabaseConnectionsAnalyzer>
            {
                TestCode = """
                    using Npgsql;
                    class Repo { NpgsqlConnection Open() => new NpgsqlConnection([|"Host=localhost;SSL Mode=Disable"|]); }
                    """,
            };
            test.GlobalConfig.Add("dotnet_code_quality.datalayer.skip_loopback_hosts = false");
            await test.RunAsync();
        }

        [Fact]
        public async Task LookAlikeTypes_NoDiagnostic()
        {
            // A look-alike type is not a provider (a real NpgsqlConnection reads this string and reports). A string that is
            // unmistakably a connection string is reported wherever it is written; see ConnectionStringReachTests.
            await Analyze("""
                namespace MyCompany.Data
                {
                    class NpgsqlConnection { public NpgsqlConnection(string connectionString) { } }
                    class Repo
                    {
                        object Open() => new NpgsqlConnection("Host=db.example.com;SSL Mode=Disable;Flavour=demo");
                        string Describe() => "Host=db.example.com;SSL Mode=Disable;Flavour=demo";
                    }
                }
                """);
        }

        [Fact]
        public async Task MessageNamesTheSettingAndTheRemedy()
        {
            await Analyze(
                """
                using Npgsql;
                class Repo { NpgsqlConnection Open() => new NpgsqlConnection({|#0:"Host=db.example.com;Password=hunter2;SSL Mode=Disable"|}); }
                """,
                Verify<RequireTlsForDatabaseConnectionsAnalyzer>.Diagnostic("DLA3001").WithLocation(0)
                    .WithMessage("SSL Mode=Disable lets the connection run unencrypted: use SSL Mode=VerifyFull"));
        }

        [Fact]
        public async Task OmittedSettingWithOption_ReportsAndFixes()
        {
            var test = new CodeFixTest<RequireTlsForDatabaseConnectionsAnalyzer, RequireTlsForDatabaseConnectionsFixer>
            {
                TestCode = """
                    using Npgsql;
                    class Repo { NpgsqlConnection Open() => new NpgsqlConnection([|"Host=db.example.com;Database=ledger"|]); }
                    """,
                FixedCode = """
                    using Npgsql;
                    class Repo { NpgsqlConnection Open() => new NpgsqlConnection("Host=db.example.com;Database=ledger;SSL Mode=VerifyFull"); }
                    """,
            };
            test.GlobalConfig.Add("dotnet_code_quality.DLA3001.report_omitted_setting = true");
            await test.RunAsync();
        }

        /// <summary>Encrypt defaults to false before Microsoft.Data.SqlClient 4.0 and to true (Mandatory) from 4.0.</summary>
        [Theory]
        [InlineData(ReferenceSet.AllWithSqlClient2, true)]
        [InlineData(ReferenceSet.AllWithCurrentSqlClient, false)]
        public async Task OmittedEncryptWithOption_ReportsOnlyWhereTheDefaultIsPlaintext(ReferenceSet references, bool reports)
        {
            var literal = "\"Server=ledger.rds.amazonaws.com;Database=Ledger\"";
            var test = new AnalyzerTest<RequireTlsForDatabaseConnectionsAnalyzer>
            {
                TestCode = $$"""
                    using Microsoft.Data.SqlClient;
                    class Repo { SqlConnection Open() => new SqlConnection({{(reports ? "[|" + literal + "|]" : literal)}}); }
                    """,
                References = references,
            };
            test.GlobalConfig.Add("dotnet_code_quality.DLA3001.report_omitted_setting = true");
            await test.RunAsync();
        }

        [Fact]
        public async Task OmittedSettingByDefault_NoDiagnostic()
        {
            await Analyze("""
                using Npgsql;
                class Repo { NpgsqlConnection Open() => new NpgsqlConnection("Host=db.example.com;Database=ledger"); }
                """);
        }

        [Fact]
        public async Task AppSettingsJson_Reports()
        {
            await AnalyzeJson("""
                {
                  // Comments are allowed in appsettings files.
                  "ConnectionStrings": {
                    "Ledger": [|"Host=ledger.cluster-abc.eu-west-1.rds.amazonaws.com;Database=ledger;SSL Mode=Disable"|],
                    "Orders": [|"Server=orders.rds.amazonaws.com;Database=orders;Encrypt=false"|],
                    "Local": "Host=localhost;SSL Mode=Disable",
                    "Good": "Host=ledger.rds.amazonaws.com;SSL Mode=VerifyFull",
                    "Cache": [|"ledger-cache.abc.cache.amazonaws.com:6379,ssl=false"|],
                  },
                  "Reporting": { "Database": [|"Server=reports.rds.amazonaws.com;SslMode=None;Database=r"|] },
                  "Logging": { "LogLevel": { "Default": "Information" } },
                  "Banner": "Welcome=yes;to=the ledger"
                }
                """);
        }

        [Fact]
        public async Task NonAppSettingsJson_NoDiagnostic()
        {
            await AnalyzeJson("""{ "ConnectionStrings": { "Ledger": "Host=db.example.com;SSL Mode=Disable" } }""", "seed-data.json");
        }

        [Fact]
        public async Task HalfTypedJson_ReportsWhatWasReadWithoutCrashing()
        {
            await AnalyzeJson("""{ "ConnectionStrings": { "Ledger": [|"Host=db.example.com;SSL Mode=Disable"|], "Next": "Host=db.example.com;SSL Mo""");
        }

        [Fact]
        public async Task NpgsqlDataSourceCreate_Fixes()
        {
            await Fix("""
                using Npgsql;
                class Repo
                {
                    static readonly NpgsqlDataSource Source = NpgsqlDataSource.Create([|"Host=db.example.com;SSL Mode=Disable;Database=ledger"|]);
                }
                """, """
                using Npgsql;
                class Repo
                {
                    static readonly NpgsqlDataSource Source = NpgsqlDataSource.Create("Host=db.example.com;SSL Mode=VerifyFull;Database=ledger");
                }
                """);
        }

        [Fact]
        public async Task SeveralProvidersInOneFile_FixesAll()
        {
            await Fix("""
                class Repo
                {
                    const string Ledger = [|"Host=db.example.com;SSL Mode=Prefer"|];
                    void Open()
                    {
                        new Npgsql.NpgsqlConnection(Ledger).Dispose();
                        new Microsoft.Data.SqlClient.SqlConnection([|@"Server=db.example.com;Encrypt=no"|]).Dispose();
                        new MySqlConnector.MySqlConnection([|"Server=db.example.com;SSL Mode=Disabled"|]).Dispose();
                        StackExchange.Redis.ConnectionMultiplexer.Connect([|"cache.example.com:6379,ssl=false"|]);
                    }
                }
                """, """
                class Repo
                {
                    const string Ledger = "Host=db.example.com;SSL Mode=VerifyFull";
                    void Open()
                    {
                        new Npgsql.NpgsqlConnection(Ledger).Dispose();
                        new Microsoft.Data.SqlClient.SqlConnection(@"Server=db.example.com;Encrypt=True").Dispose();
                        new MySqlConnector.MySqlConnection("Server=db.example.com;SSL Mode=VerifyFull").Dispose();
                        StackExchange.Redis.ConnectionMultiplexer.Connect("cache.example.com:6379,ssl=true");
                    }
                }
                """);
        }

        [Fact]
        public async Task InterpolatedString_Fixes()
        {
            await Fix("""
                using Npgsql;
                class Repo
                {
                    NpgsqlConnection Open(string host) => new NpgsqlConnection($"Host={host}[|;SSL Mode=Disable;Database=ledger|]");
                }
                """, """
                using Npgsql;
                class Repo
                {
                    NpgsqlConnection Open(string host) => new NpgsqlConnection($"Host={host};SSL Mode=VerifyFull;Database=ledger");
                }
                """);
        }

        /// <summary>Encrypt is a bool up to Microsoft.Data.SqlClient 4 and SqlConnectionEncryptOption from 5: the fix writes the type's own value.</summary>
        [Theory]
        [InlineData(ReferenceSet.AllWithSqlClient2, "true")]
        [InlineData(ReferenceSet.AllWithCurrentSqlClient, "Microsoft.Data.SqlClient.SqlConnectionEncryptOption.Mandatory")]
        public async Task TypedBuilderProperties_Fix(ReferenceSet references, string encrypt)
        {
            var test = new CodeFixTest<RequireTlsForDatabaseConnectionsAnalyzer, RequireTlsForDatabaseConnectionsFixer>
            {
                TestCode = """
                    using Npgsql;
                    using StackExchange.Redis;
                    class Settings
                    {
                        string Build()
                        {
                            var builder = new NpgsqlConnectionStringBuilder { Host = "db.example.com", [|SslMode = SslMode.Prefer|] };
                            var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder();
                            [|sql.Encrypt = false|];
                            var redis = new ConfigurationOptions { [|Ssl = false|] };
                            return builder.ConnectionString + sql.ConnectionString;
                        }
                    }
                    """,
                FixedCode = $$"""
                    using Npgsql;
                    using StackExchange.Redis;
                    class Settings
                    {
                        string Build()
                        {
                            var builder = new NpgsqlConnectionStringBuilder { Host = "db.example.com", SslMode = SslMode.VerifyFull };
                            var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder();
                            sql.Encrypt = {{encrypt}};
                            var redis = new ConfigurationOptions { Ssl = true };
                            return builder.ConnectionString + sql.ConnectionString;
                        }
                    }
                    """,
                References = references,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task ModeInsideAConcatenatedPart_ReportsWithoutFix()
        {
            // The keyword and its value are in different literals: the fix cannot edit one literal safely.
            var test = new CodeFixTest<RequireTlsForDatabaseConnectionsAnalyzer, RequireTlsForDatabaseConnectionsFixer>
            {
                TestCode = """
                    using Npgsql;
                    class Repo { NpgsqlConnection Open() => new NpgsqlConnection([|"Host=db.example.com;SSL Mode="|] + "Disable"); }
                    """,
                FixedCode = """
                    using Npgsql;
                    class Repo { NpgsqlConnection Open() => new NpgsqlConnection([|"Host=db.example.com;SSL Mode="|] + "Disable"); }
                    """,
            };
            await test.RunAsync();
        }
    }
}
