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
        public void BuilderQuoting_KeepsPasswordsWithSeparatorsAndQuotesIntact()
        {
            // What the fixed code does at run time: the builder quotes the value, and the provider reads back the same password.
            const string password = "a;b=\"c'd ";
            var connectionString = new NpgsqlConnectionStringBuilder("Host=ledger.rds.amazonaws.com;Database=ledger") { Password = password }.ConnectionString;
            Assert.Equal(password, new NpgsqlConnectionStringBuilder(connectionString).Password);
            Assert.Equal("ledger", new NpgsqlConnectionStringBuilder(connectionString).Database);
        }
    }
}
