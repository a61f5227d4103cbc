using System.Threading.Tasks;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class RequireTlsForDatabaseConnectionsTests
    {
        private static Task Analyze(string source) => Verify<RequireTlsForDatabaseConnectionsAnalyzer>.AnalyzerAsync(source);

        private static Task Fix(string source, string fixedSource) =>
            Verify<RequireTlsForDatabaseConnectionsAnalyzer>.CodeFixAsync<RequireTlsForDatabaseConnectionsFixer>(source, fixedSource);

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
        [InlineData("Host=x")]
        [InlineData("SSL Mode=verify-full")]
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

        [Fact]
        public async Task SqlClientEncryptFalse_Reports()
        {
            await Analyze("""
                using Microsoft.Data.SqlClient;
                class Repo
                {
                    SqlConnection Open() => new SqlConnection([|"Server=ledger.rds.amazonaws.com;Database=Ledger;Encrypt=False"|]);
                }
                """);
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
        public async Task TypedBuilderProperty_Fixes()
        {
            await Fix("""
                using Npgsql;
                class Repo
                {
                    string Build()
                    {
                        var builder = new NpgsqlConnectionStringBuilder { Host = "db.example.com", [|SslMode = SslMode.Prefer|] };
                        return builder.ConnectionString;
                    }
                }
                """, """
                using Npgsql;
                class Repo
                {
                    string Build()
                    {
                        var builder = new NpgsqlConnectionStringBuilder { Host = "db.example.com", SslMode = SslMode.VerifyFull };
                        return builder.ConnectionString;
                    }
                }
                """);
        }
    }
}
