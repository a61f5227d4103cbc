// assembly: MySqlConnector
// API-surface stub of MySqlConnector 2.x (not restorable here). Public signatures only; names from shared api-facts §4.3.
#nullable enable
using System;
using System.Data;
using System.Data.Common;
using System.Net.Security;
using System.Threading;
using System.Threading.Tasks;

namespace MySqlConnector
{
    public enum MySqlSslMode
    {
        None = 0,
        Disabled = 0,
        Preferred,
        Required,
        VerifyCA,
        VerifyFull,
    }

    public sealed class MySqlProvidePasswordContext
    {
        public string Server { get; } = null!;
        public int Port { get; }
        public string UserId { get; } = null!;
        public string Database { get; } = null!;
    }

    public sealed class MySqlConnectionStringBuilder : DbConnectionStringBuilder
    {
        public MySqlConnectionStringBuilder() { }
        public MySqlConnectionStringBuilder(string connectionString) { }
        public string Server { get; set; } = null!;
        public uint Port { get; set; }
        public string UserID { get; set; } = null!;
        public string Password { get; set; } = null!;
        public string Database { get; set; } = null!;
        public MySqlSslMode SslMode { get; set; }
        public string SslCa { get; set; } = null!;
        public bool Pooling { get; set; }
        public uint MinimumPoolSize { get; set; }
        public uint MaximumPoolSize { get; set; }
    }

    public sealed class MySqlConnection : DbConnection
    {
        public MySqlConnection() { }
        public MySqlConnection(string? connectionString) { }
        public Func<MySqlProvidePasswordContext, string>? ProvidePasswordCallback { get; set; }
        public override string ConnectionString { get; set; } = null!;
        public override string Database => throw null!;
        public override string DataSource => throw null!;
        public override string ServerVersion => throw null!;
        public override ConnectionState State => throw null!;
        public override void ChangeDatabase(string databaseName) => throw null!;
        public override void Close() => throw null!;
        public override void Open() => throw null!;
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw null!;
        protected override DbCommand CreateDbCommand() => throw null!;
    }

    public sealed class MySqlDataSource : DbDataSource
    {
        public MySqlDataSource(string connectionString) { }
        public override string ConnectionString => throw null!;
        protected override DbConnection CreateDbConnection() => throw null!;
    }

    public sealed class MySqlDataSourceBuilder
    {
        public MySqlDataSourceBuilder(string? connectionString = null) { }
        public MySqlConnectionStringBuilder ConnectionStringBuilder => throw null!;
        public MySqlDataSourceBuilder UsePeriodicPasswordProvider(Func<MySqlProvidePasswordContext, CancellationToken, ValueTask<string>>? passwordProvider, TimeSpan successRefreshInterval, TimeSpan failureRefreshInterval) => throw null!;
        public MySqlDataSourceBuilder UseRemoteCertificateValidationCallback(RemoteCertificateValidationCallback callback) => throw null!;
        public MySqlDataSource Build() => throw null!;
    }
}
