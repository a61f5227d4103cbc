using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Tests.Verification;
using Npgsql;
using Xunit;

namespace DataLayerAnalyzers.Tests.Credentials
{
    /// <summary>The DLA2002 fix actions: configuration when an IConfiguration is in scope, else an environment variable named after the database.</summary>
    public class DoNotHardCodeDatabasePasswordsFixActionsTests
    {
        private static Task Fix(string source, string fixedSource, string key)
            => Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.CodeFixAsync<DoNotHardCodeDatabasePasswordsFixer>(source, fixedSource, key);

        [Fact]
        public async Task InjectedConfiguration_ReadsConnectionStringsKey_Fixes()
        {
            await Fix("""
                using Microsoft.Extensions.Configuration;
                using Npgsql;

                public class LedgerReports
                {
                    private readonly IConfiguration _configuration;

                    public LedgerReports(IConfiguration configuration) => _configuration = configuration;

                    public NpgsqlConnection Open() => new NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Database=ledger;Password=Sup3rSecret!;SSL Mode=VerifyFull"|]);
                }
                """, """
                using Microsoft.Extensions.Configuration;
                using Npgsql;

                public class LedgerReports
                {
                    private readonly IConfiguration _configuration;

                    public LedgerReports(IConfiguration configuration) => _configuration = configuration;

                    public NpgsqlConnection Open() => new NpgsqlConnection(new NpgsqlConnectionStringBuilder("Host=ledger.rds.amazonaws.com;Database=ledger;SSL Mode=VerifyFull") { Password = _configuration["ConnectionStrings:Ledger:Password"] }.ConnectionString);
                }
                """, DoNotHardCodeDatabasePasswordsFixer.ConfigurationKey);
        }

        [Fact]
        public async Task ConfigurationParameterAndTypedPassword_Fixes()
        {
            await Fix("""
                using Microsoft.Extensions.Configuration;
                using MySqlConnector;

                public static class ShopDatabase
                {
                    public static MySqlConnectionStringBuilder Settings(IConfiguration configuration)
                        => new MySqlConnectionStringBuilder { Server = "shop.c9akciq32.eu-west-1.rds.amazonaws.com", Database = "shop_orders", [|Password = "Sup3rSecret!"|] };
                }
                """, """
                using Microsoft.Extensions.Configuration;
                using MySqlConnector;

                public static class ShopDatabase
                {
                    public static MySqlConnectionStringBuilder Settings(IConfiguration configuration)
                        => new MySqlConnectionStringBuilder { Server = "shop.c9akciq32.eu-west-1.rds.amazonaws.com", Database = "shop_orders", Password = configuration["ConnectionStrings:ShopOrders:Password"] };
                }
                """, DoNotHardCodeDatabasePasswordsFixer.ConfigurationKey);
        }

        [Fact]
        public async Task InstanceConfigurationNotReachableFromStaticField_EnvironmentIsTheFirstAction_Fixes()
        {
            await Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.CodeFixAsync<DoNotHardCodeDatabasePasswordsFixer>("""
                using Microsoft.Extensions.Configuration;

                public class Reports
                {
                    private static readonly string Crm = [|"Data Source=tcp:crm.c9akciq32.eu-west-1.rds.amazonaws.com,1433;Initial Catalog=Crm;User ID=app;Password=Sup3rSecret!"|];
                    private readonly IConfiguration _configuration;

                    public Reports(IConfiguration configuration) => _configuration = configuration;

                    public object Open() => new Microsoft.Data.SqlClient.SqlConnection(Crm);
                }
                """, """
                using Microsoft.Extensions.Configuration;

                public class Reports
                {
                    private static readonly string Crm = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder("Data Source=tcp:crm.c9akciq32.eu-west-1.rds.amazonaws.com,1433;Initial Catalog=Crm;User ID=app") { Password = System.Environment.GetEnvironmentVariable("CRM_DB_PASSWORD") }.ConnectionString;
                    private readonly IConfiguration _configuration;

                    public Reports(IConfiguration configuration) => _configuration = configuration;

                    public object Open() => new Microsoft.Data.SqlClient.SqlConnection(Crm);
                }
                """);
        }

        [Fact]
        public async Task TwoDatabases_GetTwoVariables_FixAll()
        {
            await Fix("""
                using Npgsql;

                public static class Connections
                {
                    public static NpgsqlDataSource Ledger() => NpgsqlDataSource.Create([|"Host=db1.rds.amazonaws.com;Database=ledger;Password=Sup3rSecret!"|]);
                    public static NpgsqlDataSource Audit() => NpgsqlDataSource.Create([|"Host=db1.rds.amazonaws.com;Database=audit_log;Password=An0therSecret!"|]);
                    public static object Shop() => new MySqlConnector.MySqlConnection([|"Server=shop.rds.amazonaws.com;Password=Th1rdSecret!;User ID=app"|]);
                }
                """, """
                using Npgsql;

                public static class Connections
                {
                    public static NpgsqlDataSource Ledger() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder("Host=db1.rds.amazonaws.com;Database=ledger") { Password = System.Environment.GetEnvironmentVariable("LEDGER_DB_PASSWORD") }.ConnectionString);
                    public static NpgsqlDataSource Audit() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder("Host=db1.rds.amazonaws.com;Database=audit_log") { Password = System.Environment.GetEnvironmentVariable("AUDIT_LOG_DB_PASSWORD") }.ConnectionString);
                    public static object Shop() => new MySqlConnector.MySqlConnection(new MySqlConnector.MySqlConnectionStringBuilder("Server=shop.rds.amazonaws.com;User ID=app") { Password = System.Environment.GetEnvironmentVariable("SHOP_DB_PASSWORD") }.ConnectionString);
                }
                """, DoNotHardCodeDatabasePasswordsFixer.Key);
        }

        [Fact]
        public async Task NpgsqlDataSourceAndBuilder_IamAuthentication_Fixes()
        {
            await Fix("""
                using Npgsql;

                public static class Ledger
                {
                    public static NpgsqlDataSource Source() => NpgsqlDataSource.Create([|"Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Port=5432;Username=ledger_app;Password=Sup3rSecret!;Database=ledger;SSL Mode=Require"|]);

                    public static NpgsqlDataSourceBuilder Builder() => new NpgsqlDataSourceBuilder([|"Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Username=ledger_app;Password=Sup3rSecret!"|]);
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Amazon.RDS.Util;
                using Npgsql;

                public static class Ledger
                {
                    public static NpgsqlDataSource Source() => new NpgsqlDataSourceBuilder("Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Port=5432;Username=ledger_app;Database=ledger;SSL Mode=VerifyFull").UsePeriodicPasswordProvider((settings, cancellationToken) => new ValueTask<string>(RDSAuthTokenGenerator.GenerateAuthToken(settings.Host!, settings.Port, settings.Username!)), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)).Build();

                    public static NpgsqlDataSourceBuilder Builder() => new NpgsqlDataSourceBuilder("Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Username=ledger_app;SSL Mode=VerifyFull").UsePeriodicPasswordProvider((settings, cancellationToken) => new ValueTask<string>(RDSAuthTokenGenerator.GenerateAuthToken(settings.Host!, settings.Port, settings.Username!)), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10));
                }
                """, DoNotHardCodeDatabasePasswordsFixer.IamKey);
        }

        [Fact]
        public async Task MySqlConnectorConnectionAndDataSource_IamAuthentication_Fixes()
        {
            // Both fixes add using directives at the top of the file, so the batch fix-all applies one and leaves the other to
            // a second pass.
            await new CodeFixTest<DoNotHardCodeDatabasePasswordsAnalyzer, DoNotHardCodeDatabasePasswordsFixer>
            {
                TestCode = """
                using MySqlConnector;

                public static class Shop
                {
                    public static MySqlConnection Open() => new MySqlConnection([|"Server=shop.c9akciq32.eu-west-1.rds.amazonaws.com;User ID=shop_app;Password=Sup3rSecret!;Database=shop"|]);

                    public static MySqlDataSource Source() => new MySqlDataSource([|"Server=shop.c9akciq32.eu-west-1.rds.amazonaws.com;Port=3306;User ID=shop_app;Password=Sup3rSecret!;SslMode=Required"|]);
                }
                """,
                FixedCode = """
                using System;
                using System.Threading.Tasks;
                using Amazon.RDS.Util;
                using MySqlConnector;

                public static class Shop
                {
                    public static MySqlConnection Open() => new MySqlConnection("Server=shop.c9akciq32.eu-west-1.rds.amazonaws.com;User ID=shop_app;Database=shop;SSL Mode=VerifyFull") { ProvidePasswordCallback = context => RDSAuthTokenGenerator.GenerateAuthToken(context.Server, context.Port, context.UserId) };

                    public static MySqlDataSource Source() => new MySqlDataSourceBuilder("Server=shop.c9akciq32.eu-west-1.rds.amazonaws.com;Port=3306;User ID=shop_app;SslMode=VerifyFull").UsePeriodicPasswordProvider((context, cancellationToken) => new ValueTask<string>(RDSAuthTokenGenerator.GenerateAuthToken(context.Server, context.Port, context.UserId)), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)).Build();
                }
                """,
                CodeActionEquivalenceKey = DoNotHardCodeDatabasePasswordsFixer.IamKey,
                NumberOfFixAllIterations = 2,
            }.RunAsync();
        }

        [Fact]
        public async Task SqlServerUnknownUserOrConnection_NoIamAction_EnvironmentFirst()
        {
            // SQL Server has no IAM database authentication; a string without a user, or an Npgsql connection (its callback
            // is obsolete), gets the other actions only: the first one offered is the environment read.
            await Verify<DoNotHardCodeDatabasePasswordsAnalyzer>.CodeFixAsync<DoNotHardCodeDatabasePasswordsFixer>("""
                using Npgsql;

                public static class Mixed
                {
                    public static object Crm() => new Microsoft.Data.SqlClient.SqlConnection([|"Server=crm.rds.amazonaws.com;User ID=app;Password=Sup3rSecret!"|]);
                    public static NpgsqlDataSource NoUser() => NpgsqlDataSource.Create([|"Host=ledger.rds.amazonaws.com;Password=Sup3rSecret!"|]);
                    public static NpgsqlConnection Connection() => new NpgsqlConnection([|"Host=audit.rds.amazonaws.com;Username=app;Password=Sup3rSecret!"|]);
                }
                """, """
                using Npgsql;

                public static class Mixed
                {
                    public static object Crm() => new Microsoft.Data.SqlClient.SqlConnection(new Microsoft.Data.SqlClient.SqlConnectionStringBuilder("Server=crm.rds.amazonaws.com;User ID=app") { Password = System.Environment.GetEnvironmentVariable("CRM_DB_PASSWORD") }.ConnectionString);
                    public static NpgsqlDataSource NoUser() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder("Host=ledger.rds.amazonaws.com") { Password = System.Environment.GetEnvironmentVariable("LEDGER_DB_PASSWORD") }.ConnectionString);
                    public static NpgsqlConnection Connection() => new NpgsqlConnection(new NpgsqlConnectionStringBuilder("Host=audit.rds.amazonaws.com;Username=app") { Password = System.Environment.GetEnvironmentVariable("AUDIT_DB_PASSWORD") }.ConnectionString);
                }
                """);
        }

        [Fact]
        public void BuilderQuoting_KeepsPasswordsWithSeparatorsAndQuotesIntact()
        {
            // What the fixed code does at run time: the builder quotes the value, and the provider reads back the same password.
            const string password = "a;b=\"c'd ";
            var connectionString = new NpgsqlConnectionStringBuilder("Host=ledger.rds.amazonaws.com;Database=ledger") { Password = password }.ConnectionString;
            Assert.Equal(password, new NpgsqlConnectionStringBuilder(connectionString).Password);
            Assert.Equal("ledger", new NpgsqlConnectionStringBuilder(connectionString).Database);
        }

        [Fact]
        public async Task OptionsWithPasswordProperty_ReadsItThroughTheBuilder_FixAll()
        {
            // A settings class whose one password property is the generic `Password`; the options in a field.
            await Fix("""
                using Microsoft.Extensions.Options;
                using Npgsql;

                public sealed class LedgerDatabaseSettings
                {
                    public string Host { get; set; } = "";
                    public string Password { get; set; } = "";
                }

                public class LedgerReports
                {
                    private readonly IOptions<LedgerDatabaseSettings> _options;

                    public LedgerReports(IOptions<LedgerDatabaseSettings> options) => _options = options;

                    public NpgsqlConnection Open() => new NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Database=ledger;Password=Sup3rSecret!;SSL Mode=VerifyFull"|]);

                    public NpgsqlDataSource Source() => NpgsqlDataSource.Create($"Host={_options.Value.Host}[|;Database=ledger;Password=An0therSecret|]");
                }
                """, """
                using Microsoft.Extensions.Options;
                using Npgsql;

                public sealed class LedgerDatabaseSettings
                {
                    public string Host { get; set; } = "";
                    public string Password { get; set; } = "";
                }

                public class LedgerReports
                {
                    private readonly IOptions<LedgerDatabaseSettings> _options;

                    public LedgerReports(IOptions<LedgerDatabaseSettings> options) => _options = options;

                    public NpgsqlConnection Open() => new NpgsqlConnection(new NpgsqlConnectionStringBuilder("Host=ledger.rds.amazonaws.com;Database=ledger;SSL Mode=VerifyFull") { Password = _options.Value.Password }.ConnectionString);

                    public NpgsqlDataSource Source() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder($"Host={_options.Value.Host};Database=ledger") { Password = _options.Value.Password }.ConnectionString);
                }
                """, DoNotHardCodeDatabasePasswordsFixer.OptionsKey);
        }

        [Fact]
        public async Task OptionsWithOnePasswordPerConnection_TakesTheConnectionsOwn_Fixes()
        {
            // Two connections' passwords in one settings class: each site takes the property named after its database
            // (<Name>Password, <Name>DbPassword); the options are a constructor parameter and the field it fills.
            await Fix("""
                using Microsoft.Extensions.Options;
                using MySqlConnector;
                using Npgsql;

                public class DatabaseSettings
                {
                    public string? LedgerDbPassword { get; init; }
                    public string? ShopOrdersPassword { get; init; }
                }

                public class Stores
                {
                    private readonly IOptionsSnapshot<DatabaseSettings> _settings;
                    private readonly MySqlConnectionStringBuilder _shop;
                    private readonly NpgsqlConnectionStringBuilder _ledger;

                    public Stores(IOptionsSnapshot<DatabaseSettings> settings)
                    {
                        _settings = settings;
                        _shop = new MySqlConnectionStringBuilder { Server = "shop.c9akciq32.eu-west-1.rds.amazonaws.com", Database = "shop_orders", [|Password = "Sup3rSecret!"|] };
                        _ledger = new NpgsqlConnectionStringBuilder { Host = "ledger.rds.amazonaws.com", Database = "ledger", [|Password = "An0therSecret!"|] };
                    }
                }
                """, """
                using Microsoft.Extensions.Options;
                using MySqlConnector;
                using Npgsql;

                public class DatabaseSettings
                {
                    public string? LedgerDbPassword { get; init; }
                    public string? ShopOrdersPassword { get; init; }
                }

                public class Stores
                {
                    private readonly IOptionsSnapshot<DatabaseSettings> _settings;
                    private readonly MySqlConnectionStringBuilder _shop;
                    private readonly NpgsqlConnectionStringBuilder _ledger;

                    public Stores(IOptionsSnapshot<DatabaseSettings> settings)
                    {
                        _settings = settings;
                        _shop = new MySqlConnectionStringBuilder { Server = "shop.c9akciq32.eu-west-1.rds.amazonaws.com", Database = "shop_orders", Password = settings.Value.ShopOrdersPassword };
                        _ledger = new NpgsqlConnectionStringBuilder { Host = "ledger.rds.amazonaws.com", Database = "ledger", Password = settings.Value.LedgerDbPassword };
                    }
                }
                """, DoNotHardCodeDatabasePasswordsFixer.OptionsKey);
        }

        [Fact]
        public async Task RedisWithOptions_PasswordMovesToConnectOptions_Fixes()
        {
            // Redis: the settings' password for the cache host (`ledger-cache` → LedgerCachePassword) goes into
            // Connect(configuration, options => options.Password = …), whose lambda parameter does not hide the options it
            // reads (a parameter called `options` gets `redisOptions`); a keyword-named parameter is read as `@params`.
            await Fix("""
                using Microsoft.Extensions.Options;
                using StackExchange.Redis;

                public sealed class CacheSettings
                {
                    public string LedgerCachePassword { get; set; } = "";
                }

                public class BalanceCache
                {
                    private readonly IOptions<CacheSettings> _options;

                    public BalanceCache(IOptions<CacheSettings> options) => _options = options;

                    public IConnectionMultiplexer Connect()
                        => ConnectionMultiplexer.Connect([|"ledger-cache.cache.amazonaws.com:6380,ssl=true,password=Sup3rSecret!"|]);
                }

                public static class Caches
                {
                    public static IConnectionMultiplexer Connect(IOptions<CacheSettings> options)
                        => ConnectionMultiplexer.Connect([|"ledger-cache.cache.amazonaws.com:6380,ssl=true,password=Sup3rSecret!"|]);

                    public static IConnectionMultiplexer ConnectEscaped(IOptions<CacheSettings> @params)
                        => ConnectionMultiplexer.Connect([|"ledger-cache.cache.amazonaws.com:6380,ssl=true,password=Sup3rSecret!"|]);
                }
                """, """
                using Microsoft.Extensions.Options;
                using StackExchange.Redis;

                public sealed class CacheSettings
                {
                    public string LedgerCachePassword { get; set; } = "";
                }

                public class BalanceCache
                {
                    private readonly IOptions<CacheSettings> _options;

                    public BalanceCache(IOptions<CacheSettings> options) => _options = options;

                    public IConnectionMultiplexer Connect()
                        => ConnectionMultiplexer.Connect("ledger-cache.cache.amazonaws.com:6380,ssl=true", options => options.Password = _options.Value.LedgerCachePassword);
                }

                public static class Caches
                {
                    public static IConnectionMultiplexer Connect(IOptions<CacheSettings> options)
                        => ConnectionMultiplexer.Connect("ledger-cache.cache.amazonaws.com:6380,ssl=true", redisOptions => redisOptions.Password = options.Value.LedgerCachePassword);

                    public static IConnectionMultiplexer ConnectEscaped(IOptions<CacheSettings> @params)
                        => ConnectionMultiplexer.Connect("ledger-cache.cache.amazonaws.com:6380,ssl=true", options => options.Password = @params.Value.LedgerCachePassword);
                }
                """, DoNotHardCodeDatabasePasswordsFixer.OptionsKey);
        }

        [Theory]
        [InlineData("public string Region { get; set; } = \"\"; public string TableName { get; set; } = \"\";")]
        [InlineData("public string AuditPassword { get; set; } = \"\";")]
        [InlineData("public string Password { get; set; } = \"\"; public string AuditPassword { get; set; } = \"\";")]
        [InlineData("public int Password { get; set; }")]
        [InlineData("public static string Password { get; set; } = \"\";")]
        [InlineData("public string Password { private get; set; } = \"\";")]
        public async Task OptionsWithoutTheConnectionsPassword_NoOptionsAction(string settingsMembers)
        {
            // Look-alikes: settings without a password property, with another connection's password only, with a generic and
            // another connection's (which one is ours?), a non-string, static or unreadable `Password`: the options action is
            // not offered (asking for it finds none and the code stays), and no property is added to the class.
            var source = $$"""
                using Microsoft.Extensions.Options;
                using Npgsql;

                public sealed class LedgerSettings
                {
                    {{settingsMembers}}
                }

                public class LedgerReports
                {
                    private readonly IOptions<LedgerSettings> _options;

                    public LedgerReports(IOptions<LedgerSettings> options) => _options = options;

                    public NpgsqlConnection Open() => new NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Database=ledger;Password=Sup3rSecret!"|]);
                }
                """;
            await Fix(source, source, DoNotHardCodeDatabasePasswordsFixer.OptionsKey);
        }

        [Fact]
        public async Task OptionsLookAlikes_NoOptionsAction()
        {
            // Look-alikes: an IOptionsMonitor (no Value), a project's own IOptions<T>, options of a string, and options only
            // in an instance field while the password sits in a static field's initializer.
            const string source = """
                using Microsoft.Extensions.Options;
                using Npgsql;

                namespace Ledger
                {
                    public interface IOptions<out T> { T Value { get; } }

                    public sealed class LedgerSettings
                    {
                        public string Password { get; set; } = "";
                    }

                    public class LedgerReports
                    {
                        private static readonly string Audit = [|"Host=audit.rds.amazonaws.com;Database=audit;Password=Sup3rSecret!"|];
                        private readonly IOptionsMonitor<LedgerSettings> _monitor;
                        private readonly IOptions<LedgerSettings> _own;
                        private readonly Microsoft.Extensions.Options.IOptions<LedgerSettings> _instanceOnly;
                        private readonly Microsoft.Extensions.Options.IOptions<string> _text;

                        public LedgerReports(IOptionsMonitor<LedgerSettings> monitor, IOptions<LedgerSettings> own, Microsoft.Extensions.Options.IOptions<LedgerSettings> instanceOnly, Microsoft.Extensions.Options.IOptions<string> text)
                        {
                            _monitor = monitor;
                            _own = own;
                            _instanceOnly = instanceOnly;
                            _text = text;
                        }

                        public static NpgsqlConnection Open(IOptionsMonitor<LedgerSettings> monitor, IOptions<LedgerSettings> own, Microsoft.Extensions.Options.IOptions<string> text)
                            => new NpgsqlConnection([|"Host=ledger.rds.amazonaws.com;Database=ledger;Password=Sup3rSecret!"|]);

                        public NpgsqlConnection OpenAudit() => new NpgsqlConnection(Audit);
                    }
                }
                """;
            await Fix(source, source, DoNotHardCodeDatabasePasswordsFixer.OptionsKey);
        }

        [Theory]
        [InlineData(0, DoNotHardCodeDatabasePasswordsFixer.IamKey)]
        [InlineData(1, DoNotHardCodeDatabasePasswordsFixer.OptionsKey)]
        [InlineData(2, DoNotHardCodeDatabasePasswordsFixer.ConfigurationKey)]
        [InlineData(3, DoNotHardCodeDatabasePasswordsFixer.Key)]
        public async Task AllSourcesInScope_ActionOrder_IamOptionsConfigurationEnvironment(int index, string key)
        {
            const string head = """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.Options;
                using Npgsql;

                public sealed class LedgerSettings
                {
                    public string? LedgerPassword { get; set; }
                }

                public class LedgerReports
                {
                    private readonly IOptions<LedgerSettings> _options;
                    private readonly IConfiguration _configuration;

                    public LedgerReports(IOptions<LedgerSettings> options, IConfiguration configuration)
                    {
                        _options = options;
                        _configuration = configuration;
                    }

                    public NpgsqlDataSource Source()
                """;
            const string literal = "\"Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Username=ledger_app;Password=Sup3rSecret!;Database=ledger\"";
            const string rest = "Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Username=ledger_app;Database=ledger";
            var expected = key switch
            {
                DoNotHardCodeDatabasePasswordsFixer.IamKey => "new NpgsqlDataSourceBuilder(\"" + rest + ";SSL Mode=VerifyFull\").UsePeriodicPasswordProvider((settings, cancellationToken) => new ValueTask<string>(RDSAuthTokenGenerator.GenerateAuthToken(settings.Host!, settings.Port, settings.Username!)), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)).Build()",
                DoNotHardCodeDatabasePasswordsFixer.OptionsKey => "NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(\"" + rest + "\") { Password = _options.Value.LedgerPassword }.ConnectionString)",
                DoNotHardCodeDatabasePasswordsFixer.ConfigurationKey => "NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(\"" + rest + "\") { Password = _configuration[\"ConnectionStrings:Ledger:Password\"] }.ConnectionString)",
                _ => "NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(\"" + rest + "\") { Password = System.Environment.GetEnvironmentVariable(\"LEDGER_DB_PASSWORD\") }.ConnectionString)",
            };
            var imports = key == DoNotHardCodeDatabasePasswordsFixer.IamKey ? "using System;\nusing System.Threading.Tasks;\nusing Amazon.RDS.Util;\n" : string.Empty;
            await new CodeFixTest<DoNotHardCodeDatabasePasswordsAnalyzer, DoNotHardCodeDatabasePasswordsFixer>
            {
                TestCode = head + " => NpgsqlDataSource.Create([|" + literal + "|]);\n}\n",
                FixedCode = imports + head + " => " + expected + ";\n}\n",
                CodeActionIndex = index,
                CodeActionEquivalenceKey = key,
            }.RunAsync();
        }
    }
}
