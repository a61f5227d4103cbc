using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Pooling.DisposeDatabaseConnectionsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Pooling
{
    public class DisposeDatabaseConnectionsTests
    {
        [Fact]
        public async Task NpgsqlConnectionNeverDisposed_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Npgsql;

                public class LedgerRepository
                {
                    public int Count(string connectionString)
                    {
                        var connection = {|#0:new NpgsqlConnection(connectionString)|};
                        connection.Open();
                        var command = new NpgsqlCommand("select count(*) from entries", connection);
                        return (int)(long)command.ExecuteScalar()!;
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4004").WithLocation(0).WithArguments("connection"));
        }

        [Fact]
        public async Task SqlConnectionClosedOnSuccessPathOnly_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Microsoft.Data.SqlClient;

                public class LedgerRepository
                {
                    public void Post(string connectionString)
                    {
                        var connection = [|new SqlConnection(connectionString)|];
                        connection.Open();
                        using var command = new SqlCommand("insert into entries default values", connection);
                        command.ExecuteNonQuery();
                        connection.Close();
                    }
                }
                """);
        }

        [Fact]
        public async Task EarlyReturnAndThrowBeforeDispose_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using System.Threading.Tasks;
                using Npgsql;

                public class LedgerRepository
                {
                    public async Task<bool> TryPost(string connectionString, decimal amount)
                    {
                        var connection = [|new NpgsqlConnection(connectionString)|];
                        await connection.OpenAsync();
                        if (amount <= 0)
                        {
                            return false;
                        }

                        await connection.DisposeAsync();
                        return true;
                    }

                    public void Post(string connectionString, decimal amount)
                    {
                        var connection = [|new NpgsqlConnection(connectionString)|];
                        connection.Open();
                        if (amount <= 0)
                        {
                            throw new ArgumentOutOfRangeException(nameof(amount));
                        }

                        connection.Dispose();
                    }

                    public void ReturnBeforeTry(string connectionString, bool skip)
                    {
                        var connection = [|new NpgsqlConnection(connectionString)|];
                        connection.Open();
                        if (skip)
                        {
                            return;
                        }

                        try
                        {
                            using var command = new NpgsqlCommand("select 1", connection);
                            command.ExecuteNonQuery();
                        }
                        finally
                        {
                            connection.Dispose();
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task DisposedOnlyInCatch_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Npgsql;

                public class LedgerRepository
                {
                    public object? Read(string connectionString)
                    {
                        var connection = [|new NpgsqlConnection(connectionString)|];
                        try
                        {
                            connection.Open();
                            using var command = new NpgsqlCommand("select 1", connection);
                            return command.ExecuteScalar();
                        }
                        catch
                        {
                            connection.Dispose();
                            throw;
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task DataSourceOpenConnectionAndCreateConnection_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Data.Common;
                using System.Threading.Tasks;
                using Npgsql;

                public class LedgerRepository
                {
                    private readonly NpgsqlDataSource _dataSource;
                    private readonly DbDataSource _generic;

                    public LedgerRepository(NpgsqlDataSource dataSource, DbDataSource generic) { _dataSource = dataSource; _generic = generic; }

                    public async Task<object?> A()
                    {
                        var connection = await {|#0:_dataSource.OpenConnectionAsync()|};
                        await using var command = new NpgsqlCommand("select 1", connection);
                        return await command.ExecuteScalarAsync();
                    }

                    public void B()
                    {
                        var connection = [|_generic.OpenConnection()|];
                        using var command = connection.CreateCommand();
                        command.ExecuteNonQuery();
                    }

                    public async Task C()
                    {
                        var connection = [|_dataSource.CreateConnection()|];
                        await connection.OpenAsync();
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4004").WithLocation(0).WithArguments("connection"));
        }

        /// <summary>
        /// With no provider referenced, the DbDataSource path (DbDataSource is part of .NET) is the rule's only action and is
        /// dispatched only in files whose text holds "Connection": a file that calls OpenConnection is still analyzed,
        /// and a file that never names it, even one that holds a data source and opens and leaks a command, has nothing
        /// to report.
        /// </summary>
        [Fact]
        public async Task DataSourceWithNoProviderReferenced_ReportsInTheFileThatOpensTheConnection()
        {
            var test = new AnalyzerTest<DisposeDatabaseConnectionsAnalyzer> { References = ReferenceSet.FrameworkOnly };
            test.Sources.Add(("Ledger.cs", """
                using System.Data.Common;

                public class LedgerRepository
                {
                    private readonly DbDataSource _dataSource;

                    public LedgerRepository(DbDataSource dataSource) { _dataSource = dataSource; }

                    public object? Count()
                    {
                        var connection = [|_dataSource.OpenConnection()|];
                        using var command = connection.CreateCommand();
                        return command.ExecuteScalar();
                    }
                }
                """));
            test.Sources.Add(("Audit.cs", """
                using System.Data.Common;

                public class AuditRepository
                {
                    private readonly DbDataSource _dataSource;

                    public AuditRepository(DbDataSource dataSource) { _dataSource = dataSource; }

                    public object? Last()
                    {
                        var command = _dataSource.CreateCommand("select max(id) from audit");
                        return command.ExecuteScalar();
                    }
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public async Task MySqlProvidersAndLambdas_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;

                public static class Endpoints
                {
                    public static void Map(WebApplication app, string cs)
                    {
                        app.MapGet("/a", async () =>
                        {
                            var connection = [|new MySqlConnector.MySqlConnection(cs)|];
                            await connection.OpenAsync();
                            return connection.ServerVersion;
                        });
                        app.MapGet("/b", () =>
                        {
                            var connection = [|new MySql.Data.MySqlClient.MySqlConnection(cs)|];
                            connection.Open();
                            return connection.ServerVersion;
                        });
                    }

                    public static string Local(string cs)
                    {
                        return Read();

                        string Read()
                        {
                            var connection = [|new Npgsql.NpgsqlConnection(cs)|];
                            connection.Open();
                            return connection.ServerVersion;
                        }
                    }

                    public static string LocalDisposed(string cs)
                    {
                        return Read();

                        string Read()
                        {
                            var connection = new Npgsql.NpgsqlConnection(cs);
                            try
                            {
                                connection.Open();
                                return connection.ServerVersion;
                            }
                            finally
                            {
                                connection.Dispose();
                            }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task UsingTryFinallyAndImmediateClose_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Npgsql;

                public class LedgerRepository
                {
                    public async Task A(string cs)
                    {
                        await using var connection = new NpgsqlConnection(cs);
                        await connection.OpenAsync();
                    }

                    public void B(string cs)
                    {
                        using (var connection = new NpgsqlConnection(cs))
                        {
                            connection.Open();
                        }
                    }

                    public object? C(string cs)
                    {
                        var connection = new NpgsqlConnection(cs);
                        try
                        {
                            connection.Open();
                            using var command = new NpgsqlCommand("select 1", connection);
                            return command.ExecuteScalar();
                        }
                        finally
                        {
                            connection.Close();
                        }
                    }

                    public void D(string cs)
                    {
                        NpgsqlConnection? connection = null;
                        connection = null;
                        var other = new NpgsqlConnection(cs);
                        other.Open();
                        try
                        {
                            using var command = new NpgsqlCommand("select 1", other);
                            command.ExecuteNonQuery();
                        }
                        finally
                        {
                            other?.Dispose();
                        }
                    }

                    public void E(string cs)
                    {
                        var connection = new NpgsqlConnection(cs);
                        connection.Open();
                        connection.Close();
                    }
                }
                """);
        }

        [Fact]
        public async Task ReturnedStoredHandedOverOrNeverOpened_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using System.Data;
                using System.Threading.Tasks;
                using Dapper;
                using Microsoft.EntityFrameworkCore;
                using Npgsql;

                public class LedgerContext : DbContext
                {
                    public LedgerContext(DbContextOptions<LedgerContext> options) : base(options) { }
                }

                public class Owner : IDisposable
                {
                    private NpgsqlConnection? _connection;
                    public void Start(string cs) { var c = new NpgsqlConnection(cs); c.Open(); _connection = c; }
                    public void Dispose() => _connection?.Dispose();
                }

                public class LedgerRepository
                {
                    public NpgsqlConnection Open(string cs) { var c = new NpgsqlConnection(cs); c.Open(); return c; }

                    public LedgerContext Context(string cs)
                    {
                        var c = new NpgsqlConnection(cs);
                        c.Open();
                        var options = new DbContextOptionsBuilder<LedgerContext>().UseNpgsql(c, contextOwnsConnection: true).Options;
                        return new LedgerContext(options);
                    }

                    public IDataReader Reader(string cs)
                    {
                        var c = new NpgsqlConnection(cs);
                        c.Open();
                        var command = new NpgsqlCommand("select 1", c);
                        return command.ExecuteReader(CommandBehavior.CloseConnection);
                    }

                    public Task<int> Dapper(string cs)
                    {
                        var c = new NpgsqlConnection(cs);
                        return c.ExecuteAsync("delete from entries");
                    }

                    public Func<int> Captured(string cs)
                    {
                        var c = new NpgsqlConnection(cs);
                        c.Open();
                        return () => { c.Dispose(); return 1; };
                    }

                    public void CommandsAndDataSourcesAreNotThisRule(string cs)
                    {
                        var dataSource = NpgsqlDataSource.Create(cs);
                        var command = new NpgsqlCommand("select 1");
                    }
                }
                """);
        }
    
        [Fact]
        public async Task LeakedConnections_FixAllWithUsingDeclarations()
        {
            await VerifyCS.CodeFixAsync<DisposeDatabaseConnectionsFixer>("""
                using System.Threading.Tasks;
                using Microsoft.Data.SqlClient;
                using Npgsql;

                public class LedgerRepository
                {
                    public void Post(string cs)
                    {
                        var connection = [|new SqlConnection(cs)|];
                        connection.Open();
                        using var command = new SqlCommand("insert into entries default values", connection);
                        command.ExecuteNonQuery();
                        connection.Close();
                    }

                    public async Task<object?> Read(NpgsqlDataSource dataSource)
                    {
                        // open a pooled connection
                        var connection = await [|dataSource.OpenConnectionAsync()|];
                        await using var command = new NpgsqlCommand("select 1", connection);
                        return await command.ExecuteScalarAsync();
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Microsoft.Data.SqlClient;
                using Npgsql;

                public class LedgerRepository
                {
                    public void Post(string cs)
                    {
                        using var connection = new SqlConnection(cs);
                        connection.Open();
                        using var command = new SqlCommand("insert into entries default values", connection);
                        command.ExecuteNonQuery();
                        connection.Close();
                    }

                    public async Task<object?> Read(NpgsqlDataSource dataSource)
                    {
                        // open a pooled connection
                        await using var connection = await dataSource.OpenConnectionAsync();
                        await using var command = new NpgsqlCommand("select 1", connection);
                        return await command.ExecuteScalarAsync();
                    }
                }
                """);
        }

        [Fact]
        public async Task ReturnedReaderOrLazySequence_NoFix()
        {
            const string source = """
                using System.Collections.Generic;
                using System.Data.Common;
                using Dapper;
                using Npgsql;

                public class LedgerRepository
                {
                    public DbDataReader Reader(string cs)
                    {
                        var connection = [|new NpgsqlConnection(cs)|];
                        connection.Open();
                        var command = new NpgsqlCommand("select * from entries", connection);
                        return command.ExecuteReader();
                    }

                    public IEnumerable<int> Ids(string cs)
                    {
                        var connection = [|new NpgsqlConnection(cs)|];
                        connection.Open();
                        return connection.Query<int>("select id from entries", buffered: false);
                    }
                }
                """;
            await VerifyCS.CodeFixAsync<DisposeDatabaseConnectionsFixer>(source, source);
        }

        [Fact]
        public async Task DeclarationInSwitchSectionOrWithGoto_NoFix()
        {
            const string source = """
                using Npgsql;

                public class LedgerRepository
                {
                    public void A(string cs, int mode)
                    {
                        switch (mode)
                        {
                            case 1:
                                var connection = [|new NpgsqlConnection(cs)|];
                                connection.Open();
                                break;
                        }
                    }

                    public void B(string cs)
                    {
                    retry:
                        var connection = [|new NpgsqlConnection(cs)|];
                        connection.Open();
                        if (connection.FullState == System.Data.ConnectionState.Broken)
                        {
                            goto retry;
                        }
                    }
                }
                """;
            await VerifyCS.CodeFixAsync<DisposeDatabaseConnectionsFixer>(source, source);
        }
}
}
