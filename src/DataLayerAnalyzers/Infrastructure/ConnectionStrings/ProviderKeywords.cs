using System;
using System.Collections.Generic;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// Each provider's own keyword rules: which keywords (and synonyms) it accepts for a setting and how it reads the
    /// value. Keywords compare case-insensitively in every provider. Sources: the providers' connection-string builders.
    /// </summary>
    internal static class ProviderKeywords
    {
        private static readonly Dictionary<DbProvider, Dictionary<string, ConnectionSetting>> Keywords = new Dictionary<DbProvider, Dictionary<string, ConnectionSetting>>
        {
            [DbProvider.Npgsql] = Table(
                (ConnectionSetting.Host, new[] { "Host", "Server" }),
                (ConnectionSetting.Password, new[] { "Password", "PSW", "PWD" }),
                (ConnectionSetting.SslMode, new[] { "SSL Mode", "SslMode" }),
                (ConnectionSetting.TrustServerCertificate, new[] { "Trust Server Certificate", "TrustServerCertificate" }),
                (ConnectionSetting.Pooling, new[] { "Pooling" }),
                (ConnectionSetting.Other, new[]
                {
                    "Port", "Database", "DB", "Username", "User Name", "UserId", "User Id", "UID", "Root Certificate", "RootCertificate",
                    "SSL Certificate", "SslCertificate", "SSL Key", "SslKey", "SSL Password", "SslPassword", "Check Certificate Revocation",
                    "CheckCertificateRevocation", "SSL Negotiation", "SslNegotiation", "GSS Encryption Mode", "GssEncryptionMode",
                    "Minimum Pool Size", "MinPoolSize", "Maximum Pool Size", "MaxPoolSize", "Connection Lifetime", "ConnectionLifetime",
                    "Load Balance Timeout", "Connection Idle Lifetime", "ConnectionIdleLifetime", "Connection Pruning Interval",
                    "Timeout", "Command Timeout", "CommandTimeout", "Application Name", "ApplicationName", "Search Path", "SearchPath",
                    "Include Error Detail", "IncludeErrorDetail", "Multiplexing", "Keepalive", "Tcp Keepalive", "Target Session Attributes",
                    "TargetSessionAttributes", "Load Balance Hosts", "LoadBalanceHosts", "Enlist", "Encoding", "Client Encoding", "Timezone",
                    "No Reset On Close", "NoResetOnClose", "Max Auto Prepare", "MaxAutoPrepare", "Persist Security Info", "Kerberos Service Name",
                    "Passfile", "Read Buffer Size", "Write Buffer Size", "Options", "Host Recheck Seconds", "Server Compatibility Mode",
                }))
            ,
            [DbProvider.SqlClient] = SqlServerTable(modern: true),
            [DbProvider.SystemDataSqlClient] = SqlServerTable(modern: false),
            [DbProvider.MySqlConnector] = MySqlTable(
                new[] { "SSL Mode", "SslMode" },
                new[] { "Server", "Host", "Data Source", "DataSource", "Address", "Addr", "Network Address" },
                new[] { "Password", "pwd" }),
            [DbProvider.MySqlData] = MySqlTable(
                new[] { "sslmode", "ssl mode", "ssl-mode" },
                new[] { "server", "host", "data source", "datasource", "address", "addr", "network address" },
                new[] { "password", "pwd" }),
            [DbProvider.Redis] = Table(
                (ConnectionSetting.Password, new[] { "password" }),
                (ConnectionSetting.RedisSsl, new[] { "ssl" }),
                (ConnectionSetting.Other, new[]
                {
                    "user", "sslHost", "sslProtocols", "abortConnect", "checkCertificateRevocation", "connectTimeout", "syncTimeout",
                    "asyncTimeout", "allowAdmin", "channelPrefix", "connectRetry", "configCheckSeconds", "defaultDatabase", "keepAlive",
                    "name", "serviceName", "tiebreaker", "version", "proxy", "resolveDns", "responseTimeout", "setlib", "protocol",
                    "configChannel", "highPrioritySocketThreads", "tunnel",
                })),
        };

        /// <summary>The setting a keyword stands for in <paramref name="provider"/>, or false when the provider rejects it.</summary>
        public static bool TryGetSetting(DbProvider provider, string keyword, out ConnectionSetting setting)
        {
            return Keywords[provider].TryGetValue(keyword.Trim(), out setting);
        }

        public static bool IsKnownKeyword(DbProvider provider, string keyword) => Keywords[provider].ContainsKey(keyword.Trim());

        /// <summary>How a provider reads a TLS mode value (<c>SSL Mode</c>, <c>Encrypt</c>, Redis <c>ssl</c>).</summary>
        public static TransportSecurity ReadTransportSecurity(DbProvider provider, ConnectionSetting setting, string value)
        {
            var v = value.Trim();
            switch (provider)
            {
                case DbProvider.Npgsql when setting == ConnectionSetting.SslMode:
                    // Enum.Parse(ignoreCase): names or numbers; Disable=0, Allow, Prefer, Require, VerifyCA, VerifyFull.
                    return OneOf(v, "Disable", "0", "Allow", "1", "Prefer", "2") ? TransportSecurity.Plaintext
                        : OneOf(v, "Require", "3") ? TransportSecurity.EncryptedNotVerified
                        : OneOf(v, "VerifyCA", "4", "VerifyFull", "5") ? TransportSecurity.Verified
                        : TransportSecurity.Unknown;

                case DbProvider.MySqlConnector when setting == ConnectionSetting.SslMode:
                    return OneOf(v, "None", "Disabled", "Preferred") ? TransportSecurity.Plaintext
                        : OneOf(v, "Required") ? TransportSecurity.EncryptedNotVerified
                        : OneOf(v, "VerifyCA", "VerifyFull") ? TransportSecurity.Verified
                        : TransportSecurity.Unknown;

                case DbProvider.MySqlData when setting == ConnectionSetting.SslMode:
                    return OneOf(v, "None", "Disabled", "Preferred", "Prefered") ? TransportSecurity.Plaintext
                        : OneOf(v, "Required") ? TransportSecurity.EncryptedNotVerified
                        : OneOf(v, "VerifyCA", "VerifyFull") ? TransportSecurity.Verified
                        : TransportSecurity.Unknown;

                case DbProvider.SqlClient when setting == ConnectionSetting.Encrypt:
                    // Microsoft.Data.SqlClient 5+ also reads optional/mandatory/strict; older versions only booleans.
                    return OneOf(v, "false", "no", "optional") ? TransportSecurity.Plaintext
                        : OneOf(v, "true", "yes", "mandatory", "strict") ? TransportSecurity.Verified
                        : TransportSecurity.Unknown;

                case DbProvider.SystemDataSqlClient when setting == ConnectionSetting.Encrypt:
                    return OneOf(v, "false", "no") ? TransportSecurity.Plaintext
                        : OneOf(v, "true", "yes") ? TransportSecurity.Verified
                        : TransportSecurity.Unknown;

                case DbProvider.Redis when setting == ConnectionSetting.RedisSsl:
                    return OneOf(v, "false", "0", "no", "off") ? TransportSecurity.Plaintext
                        : OneOf(v, "true", "1", "yes", "on") ? TransportSecurity.Verified
                        : TransportSecurity.Unknown;

                default:
                    return TransportSecurity.Unknown;
            }
        }

        /// <summary>A provider's boolean: Npgsql reads only true/false; the others also yes/no.</summary>
        public static bool? ReadBool(DbProvider provider, string value)
        {
            var v = value.Trim();
            if (OneOf(v, "true"))
            {
                return true;
            }

            if (OneOf(v, "false"))
            {
                return false;
            }

            if (provider == DbProvider.Npgsql)
            {
                return null;
            }

            if (OneOf(v, "yes") || (provider == DbProvider.Redis && OneOf(v, "1", "on")))
            {
                return true;
            }

            if (OneOf(v, "no") || (provider == DbProvider.Redis && OneOf(v, "0", "off")))
            {
                return false;
            }

            return null;
        }

        /// <summary>The keyword and value a fix writes for a verifying TLS mode in this provider.</summary>
        public static string VerifyingValue(DbProvider provider)
        {
            switch (provider)
            {
                case DbProvider.SqlClient:
                case DbProvider.SystemDataSqlClient:
                    return "True";
                case DbProvider.Redis:
                    return "true";
                default:
                    return "VerifyFull";
            }
        }

        /// <summary>How a message names the verifying setting, e.g. <c>SSL Mode=VerifyFull</c>.</summary>
        public static string VerifyingSettingText(DbProvider provider, string keyword)
        {
            return keyword + "=" + VerifyingValue(provider);
        }

        private static bool OneOf(string value, params string[] candidates)
        {
            foreach (var candidate in candidates)
            {
                if (string.Equals(value, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static Dictionary<string, ConnectionSetting> SqlServerTable(bool modern)
        {
            return Table(
                (ConnectionSetting.Host, new[] { "Data Source", "Server", "Address", "Addr", "Network Address" }),
                (ConnectionSetting.Password, new[] { "Password", "PWD" }),
                (ConnectionSetting.Encrypt, new[] { "Encrypt" }),
                (ConnectionSetting.TrustServerCertificate, modern ? new[] { "Trust Server Certificate", "TrustServerCertificate" } : new[] { "TrustServerCertificate" }),
                (ConnectionSetting.Pooling, new[] { "Pooling" }),
                (ConnectionSetting.IntegratedSecurity, new[] { "Integrated Security", "Trusted_Connection" }),
                (ConnectionSetting.Authentication, modern ? new[] { "Authentication" } : Array.Empty<string>()),
                (ConnectionSetting.Other, new[]
                {
                    "Initial Catalog", "Database", "User ID", "UID", "User", "Min Pool Size", "Max Pool Size", "Connect Timeout",
                    "Connection Timeout", "Timeout", "MultipleActiveResultSets", "Application Name", "App", "Persist Security Info",
                    "PersistSecurityInfo", "MultiSubnetFailover", "Load Balance Timeout", "Connection Lifetime", "Command Timeout",
                    "Application Intent", "ApplicationIntent", "Host Name In Certificate", "HostNameInCertificate", "Server Certificate",
                    "ServerCertificate", "Workstation ID", "WSID", "Packet Size", "Failover Partner", "Language", "Current Language",
                    "Enlist", "Connect Retry Count", "ConnectRetryCount", "Connect Retry Interval", "ConnectRetryInterval",
                    "AttachDBFilename", "Column Encryption Setting", "Replication", "Transaction Binding", "Type System Version",
                }));
        }

        private static Dictionary<string, ConnectionSetting> MySqlTable(string[] sslMode, string[] host, string[] password)
        {
            return Table(
                (ConnectionSetting.Host, host),
                (ConnectionSetting.Password, password),
                (ConnectionSetting.SslMode, sslMode),
                (ConnectionSetting.Pooling, new[] { "Pooling" }),
                (ConnectionSetting.Other, new[]
                {
                    "Port", "Database", "Initial Catalog", "User ID", "UserID", "Username", "Uid", "User name", "User", "SSL CA", "SslCa",
                    "Ssl-Ca", "CACertificateFile", "CA Certificate File", "SSL Cert", "SslCert", "Ssl-Cert", "SSL Key", "SslKey", "Ssl-Key",
                    "Certificate File", "CertificateFile", "Certificate Password", "CertificatePassword", "TLS Version", "TlsVersion",
                    "Minimum Pool Size", "Min Pool Size", "MinimumPoolSize", "minpoolsize", "Maximum Pool Size", "Max Pool Size",
                    "MaximumPoolSize", "maxpoolsize", "Connection Lifetime", "ConnectionLifeTime", "Allow Public Key Retrieval",
                    "AllowPublicKeyRetrieval", "Connection Timeout", "Connect Timeout", "Default Command Timeout", "Character Set",
                    "CharSet", "Allow User Variables", "AllowUserVariables", "Convert Zero Datetime", "Allow Zero Datetime",
                    "Treat Tiny As Boolean", "Connection Reset", "ConnectionReset",
                }));
        }

        private static Dictionary<string, ConnectionSetting> Table(params (ConnectionSetting Setting, string[] Keywords)[] rows)
        {
            var table = new Dictionary<string, ConnectionSetting>(StringComparer.OrdinalIgnoreCase);
            foreach (var (setting, keywords) in rows)
            {
                foreach (var keyword in keywords)
                {
                    if (!table.ContainsKey(keyword))
                    {
                        table[keyword] = setting;
                    }
                }
            }

            return table;
        }
    }
}
