using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Credentials
{
    /// <summary>
    /// Connection strings that never meet their provider in sight (helper constants, settings defaults, <c>??</c>
    /// fallbacks, dictionary initializers, other classes' constructors), interpolated strings and format templates, and
    /// instance members written once: DLA2002, DLA3001, DLA3002 and DLA4001 report where the literal is written.
    /// </summary>
    public class ConnectionStringReachTests
    {
        private static Task Passwords(string source, params DiagnosticResult[] expected) =>
            Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.AnalyzerAsync(source, expected);

        private static Task Tls(string source, params DiagnosticResult[] expected) =>
            Verify<RequireTlsForDatabaseConnectionsAnalyzer>.AnalyzerAsync(source, expected);

        [Fact]
        public async Task HelperConstantsAndStaticReadonlyFields_Report()
        {
            await Passwords("""
                public static class AccessHelper
                {
                    private static readonly string ConnectionString = [|"Server=orders.cluster-abc.eu-west-1.rds.amazonaws.com;Database=orders;User ID=app;Password=Sup3rSecret!"|];
                    public const string Reporting = [|"Host=reporting.cluster-abc.eu-west-1.rds.amazonaws.com;Username=report;Password=R3port!"|];
                    public static string GetConnectionString() => ConnectionString;
                }
                """);
        }

        [Fact]
        public async Task SettingsDefaultsFallbacksDictionariesAndOtherConstructors_Report()
        {
            await Passwords("""
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration;

                public class DatabaseSettings
                {
                    public string ConnectionString { get; set; } = [|"Server=orders.rds.amazonaws.com;Uid=app;Pwd=Sup3rSecret!;Database=orders"|];
                }

                public class OrderRepository
                {
                    public OrderRepository(string connectionString) { }
                }

                public static class Wiring
                {
                    public static string Resolve(IConfiguration configuration) =>
                        configuration.GetConnectionString("Orders") ?? [|"Host=orders.rds.amazonaws.com;Username=app;Password=Fallback1!"|];

                    public static Dictionary<string, string> Tenants() => new Dictionary<string, string>
                    {
                        ["eu"] = [|"Data Source=eu.orders.rds.amazonaws.com;User ID=app;Password=Tenant1!"|],
                    };

                    public static Dictionary<string, string> Regions() => new Dictionary<string, string>
                    {
                        { "us", [|"Data Source=us.orders.rds.amazonaws.com;User ID=app;Password=Tenant2!"|] },
                    };

                    public static OrderRepository Repository() => new OrderRepository([|"Host=orders.rds.amazonaws.com;Username=app;Password=Ctor1!"|]);
                }
                """);
        }

        [Fact]
        public async Task HelperInstanceFieldBuiltFromConstantsReadThroughAnotherObject_Reports()
        {
            await Passwords("""
                public class SqlConnectionSettings
                {
                    private const string Server = "203.0.113.10";
                    private const string Password = [|"Sup3rSecret!"|];
                    public string ConnectionStringText = "server=" + Server + ";database=shop;uid=app;pwd=" + Password + ";";
                }

                public class OrdersController
                {
                    private SqlConnectionSettings settings = new SqlConnectionSettings();
                    public object Open() => new MySql.Data.MySqlClient.MySqlConnection(settings.ConnectionStringText);
                }
                """);
        }

        [Fact]
        public async Task InterpolatedStringLiteralPartsAndFormatTemplates_Report()
        {
            // The literal parts count and the holes are unknown; a {1} placeholder or a hole where the password goes is
            // not a literal password, but SSL Mode=Disable in the same string still counts.
            await Passwords("""
                public static class Connections
                {
                    public static string Build(string host) => $"Host={host}[|;Username=app;Password=Literal1!;SSL Mode=Disable|]";
                    public static string Format(string host, string password) => string.Format("Host={0};Username=app;Password={1};SSL Mode=Disable", host, password);
                    public static string Hole(string password) => $"Host=db.example.com;Username=app;Password={password};SSL Mode=Disable";
                }
                """);
            await Tls("""
                public static class Connections
                {
                    public static string Build(string host) => $"Host={host}{|#0:;Username=app;Password=Literal1!;SSL Mode=Disable|}";
                    public static string Format(string host, string password) => string.Format({|#1:"Host={0};Username=app;Password={1};SSL Mode=Disable"|}, host, password);
                    public static string Hole(string password) => $"Host=db.example.com;Username=app;Password={password}{|#2:;SSL Mode=Disable|}";
                }
                """,
                Verify<RequireTlsForDatabaseConnectionsAnalyzer>.Diagnostic("DLA3001").WithLocation(0).WithArguments("SSL Mode=Disable", "SSL Mode=VerifyFull"),
                Verify<RequireTlsForDatabaseConnectionsAnalyzer>.Diagnostic("DLA3001").WithLocation(1).WithArguments("SSL Mode=Disable", "SSL Mode=VerifyFull"),
                Verify<RequireTlsForDatabaseConnectionsAnalyzer>.Diagnostic("DLA3001").WithLocation(2).WithArguments("SSL Mode=Disable", "SSL Mode=VerifyFull"));
        }

        [Fact]
        public async Task ProviderInferredFromKeywordsOnlyOneAccepts_Reports()
        {
            await Tls("""
                public static class Defaults
                {
                    // Encrypt is SQL Server's keyword; SslMode=Preferred is MySQL's value (Npgsql would reject it).
                    public const string Sql = {|#0:"Server=orders.rds.amazonaws.com;User ID=app;Encrypt=false"|};
                    public const string MySql = {|#1:"Server=orders.rds.amazonaws.com;Uid=app;SslMode=Preferred"|};
                }
                """,
                Verify<RequireTlsForDatabaseConnectionsAnalyzer>.Diagnostic("DLA3001").WithLocation(0).WithArguments("Encrypt=false", "Encrypt=True"),
                Verify<RequireTlsForDatabaseConnectionsAnalyzer>.Diagnostic("DLA3001").WithLocation(1).WithArguments("SslMode=Preferred", "SslMode=VerifyFull"));
        }

        [Fact]
        public async Task CertificateValidationAndPoolingOff_Report()
        {
            await Verify<ValidateDatabaseServerCertificateAnalyzer>.AnalyzerAsync("""
                public class SqlSettings
                {
                    public string ConnectionString { get; set; } = [|"Server=orders.rds.amazonaws.com;User ID=app;Encrypt=true;TrustServerCertificate=true"|];
                }
                """);
            await Verify<DoNotDisableConnectionPoolingAnalyzer>.AnalyzerAsync("""
                public static class Defaults
                {
                    // Pooling means the same for every provider that could read this string.
                    public const string Any = [|"Server=orders.rds.amazonaws.com;Uid=app;Pwd={0};Pooling=false"|];
                }
                """);
        }

        [Fact]
        public async Task ValueSeenAtDeclarationAndAtSink_ReportsOnce()
        {
            await Passwords("""
                public class Ledger
                {
                    private const string Cs = [|"Host=ledger.rds.amazonaws.com;Username=app;Password=Sup3rSecret!"|];
                    public object Open() => new Npgsql.NpgsqlConnection(Cs);
                    public object OpenAgain() => new Npgsql.NpgsqlConnection(Cs);
                }
                """);
        }

        [Fact]
        public async Task InstanceFieldsAndPropertiesWrittenOnce_Report()
        {
            await Verify<DoNotDisableConnectionPoolingAnalyzer>.AnalyzerAsync("""
                public class Ledger
                {
                    // Not unmistakable on their own (no credential or TLS key): found through the sink.
                    private readonly string _cs = [|"Host=ledger.rds.amazonaws.com;Pooling=false"|];
                    private readonly string _fromCtor;
                    public string Reports { get; } = [|"Host=reports.rds.amazonaws.com;Pooling=false"|];

                    public Ledger() { _fromCtor = [|"Host=audit.rds.amazonaws.com;Pooling=false"|]; }

                    public object A() => new Npgsql.NpgsqlConnection(_cs);
                    public object B() => new Npgsql.NpgsqlConnection(_fromCtor);
                    public object C() => new Npgsql.NpgsqlConnection(Reports);
                }
                """);
        }

        [Fact]
        public async Task InstanceMembersWrittenTwiceOrSettable_NoDiagnostic()
        {
            await Verify<DoNotDisableConnectionPoolingAnalyzer>.AnalyzerAsync("""
                public class Ledger
                {
                    private readonly string _twice = "Host=ledger.rds.amazonaws.com;Pooling=false";
                    private string _mutable = "Host=ledger.rds.amazonaws.com;Pooling=false";
                    public string Settable { get; set; } = "Host=ledger.rds.amazonaws.com;Pooling=false";

                    public Ledger(string cs) { _twice = cs; }

                    public object A() => new Npgsql.NpgsqlConnection(_twice);
                    public object B() => new Npgsql.NpgsqlConnection(_mutable);
                    public object C() => new Npgsql.NpgsqlConnection(Settable);
                }
                """);
        }

        [Fact]
        public async Task LoopbackPlaceholdersConfigurationAndProse_NoDiagnostic()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration;

                public static class Harmless
                {
                    public const string Local = "Server=localhost;User ID=sa;Password=Passw0rd!;Encrypt=false;TrustServerCertificate=true";
                    public const string Loopback = "Host=127.0.0.1;Username=postgres;Password=postgres;SSL Mode=Disable";
                    public const string Placeholder = "Host=db.example.com;Username=app;Password={0}";
                    public const string Template = "Host=db.example.com;Username=app;Password=${DB_PASSWORD}";
                    public const string Prose = "Login failed: password=*** was rejected; check Server=prod and try again";
                    public const string Sql = "UPDATE users SET password='x'; DELETE FROM sessions WHERE host='db'";
                    public const string Partial = "Host=db.example.com;Database=orders";
                    public const string RedisLike = "cache.example.com:6379,password=Sup3rSecret!,ssl=false";
                    public const string LocalDb = "Server=(localdb)\\mssqllocaldb;Database=Orders;Trusted_Connection=True;TrustServerCertificate=True";
                    public const string Sqlite = "Data Source=orders.db;Password=Sup3rSecret!";
                    public const string SqliteMemory = "Data Source=:memory:;Password=Sup3rSecret!";

                    public static string FromConfig(IConfiguration configuration) =>
                        configuration.GetConnectionString("Orders") ?? configuration["Fallback"] ?? string.Empty;

                    public static string Hole(string password) => $"Host=db.example.com;Username=app;Password={password}";

                    public static string Choose(bool production)
                    {
                        var cs = "Host=db.example.com;Username=app;Password=Sup3rSecret!;SSL Mode=Disable";
                        if (production) cs = Environment.GetEnvironmentVariable("DB")!;
                        return cs;
                    }
                }
                """;
            await Passwords(source);
            await Tls(source);
            await Verify<ValidateDatabaseServerCertificateAnalyzer>.AnalyzerAsync(source);
            await Verify<DoNotDisableConnectionPoolingAnalyzer>.AnalyzerAsync(source);
        }

        [Fact]
        public async Task LongConcatenationKeepsItsLeftmostParts()
        {
            // A dozen operands form a left-deep tree: the host written first must still be read (loopback stays silent).
            const string template = """
                public class Connection
                {
                    private readonly string host = "HOST";
                    private readonly string database = "shop";
                    private readonly string port = "3306";
                    private readonly string user = "app";
                    private readonly string password = "pw";

                    public object Open() => new MySql.Data.MySqlClient.MySqlConnection("datasource =" + host + ";database=" + database
                        + "; port=" + port + "; username=" + user + "; password=" + password + "; charset=utf8" + "; pooling=true"
                        + "; connection timeout=30" + "; default command timeout=30" + "; allow user variables=true;"
                        + MARK"SslMode =none;"END);
                }
                """;
            await Tls(template.Replace("HOST", "localhost").Replace("MARK", "").Replace("END", ""));
            await Tls(template.Replace("HOST", "orders.rds.amazonaws.com").Replace("MARK", "[|").Replace("END", "|]"));
        }

        [Fact]
        public async Task StandalonePassword_Fixes()
        {
            await Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.CodeFixAsync<DoNotHardCodeDatabasePasswordsFixer>("""
                using System;
                public class DatabaseSettings
                {
                    public string ConnectionString { get; set; } = [|"Host=orders.rds.amazonaws.com;Username=app;Password=Sup3rSecret!;Database=orders"|];
                }
                """, """
                using System;
                public class DatabaseSettings
                {
                    public string ConnectionString { get; set; } = new Npgsql.NpgsqlConnectionStringBuilder("Host=orders.rds.amazonaws.com;Username=app;Database=orders") { Password = Environment.GetEnvironmentVariable("ORDERS_DB_PASSWORD") }.ConnectionString;
                }
                """, DoNotHardCodeDatabasePasswordsFixer.Key);
        }

        [Fact]
        public async Task StandalonePoolingOff_Fixes()
        {
            await Verify<DoNotDisableConnectionPoolingAnalyzer>.CodeFixAsync<DoNotDisableConnectionPoolingFixer>("""
                public static class AccessHelper
                {
                    private static readonly string Cs = [|"Server=orders.rds.amazonaws.com;User ID=app;Pooling=false;Database=orders"|];
                    public static string Get() => Cs;
                }
                """, """
                public static class AccessHelper
                {
                    private static readonly string Cs = "Server=orders.rds.amazonaws.com;User ID=app;Database=orders";
                    public static string Get() => Cs;
                }
                """, DoNotDisableConnectionPoolingFixer.Key);
        }
    }
}
