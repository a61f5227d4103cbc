namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>The database and cache client libraries whose connection strings the rules understand.</summary>
    internal enum DbProvider
    {
        Npgsql,

        /// <summary>Microsoft.Data.SqlClient (also behind EF Core UseSqlServer).</summary>
        SqlClient,

        /// <summary>System.Data.SqlClient, the legacy SQL Server provider (fewer keyword synonyms).</summary>
        SystemDataSqlClient,

        /// <summary>MySqlConnector (also behind Pomelo's EF Core UseMySql).</summary>
        MySqlConnector,

        /// <summary>Oracle's MySql.Data (also behind EF Core UseMySQL).</summary>
        MySqlData,

        /// <summary>StackExchange.Redis, for ElastiCache.</summary>
        Redis,
    }

    /// <summary>The settings the rules ask about, whatever keyword a provider spells them with.</summary>
    internal enum ConnectionSetting
    {
        Other,
        Host,
        Password,
        SslMode,
        Encrypt,
        TrustServerCertificate,
        Pooling,
        IntegratedSecurity,
        Authentication,
        RedisSsl,
    }

    /// <summary>What a connection's transport-security setting amounts to.</summary>
    internal enum TransportSecurity
    {
        Unknown,

        /// <summary>No TLS, or TLS only if the server offers it (can fall back to plaintext).</summary>
        Plaintext,

        /// <summary>TLS required, but the server certificate is not checked.</summary>
        EncryptedNotVerified,

        /// <summary>TLS with the server certificate validated.</summary>
        Verified,
    }
}
