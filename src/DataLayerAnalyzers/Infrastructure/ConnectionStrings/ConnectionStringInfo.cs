using System;
using System.Collections.Generic;
using System.Linq;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>A connection string read with one provider's keyword rules; answers the questions the rules ask.</summary>
    internal sealed class ConnectionStringInfo
    {
        private ConnectionStringInfo(DbProvider provider, string text, IReadOnlyList<ConnectionStringEntry> entries, IReadOnlyList<string> redisEndpoints)
        {
            Provider = provider;
            Text = text;
            Entries = entries;
            RedisEndpoints = redisEndpoints;
        }

        public DbProvider Provider { get; }

        public string Text { get; }

        /// <summary>Every keyword the text sets (unknown keywords included; one entry per keyword, the last written).</summary>
        public IReadOnlyList<ConnectionStringEntry> Entries { get; }

        public IReadOnlyList<string> RedisEndpoints { get; }

        public char Separator => Provider == DbProvider.Redis ? ',' : ';';

        public static ConnectionStringInfo Parse(DbProvider provider, string text)
        {
            if (provider == DbProvider.Redis)
            {
                var entries = ConnectionStringParser.ParseRedis(text, out var endpoints);
                return new ConnectionStringInfo(provider, text, entries, endpoints);
            }

            return new ConnectionStringInfo(provider, text, ConnectionStringParser.ParseAdo(text), Array.Empty<string>());
        }

        /// <summary>
        /// One ADO.NET parse of <paramref name="text"/> read with each of <paramref name="providers"/>' keyword rules: the
        /// split into keywords and values does not depend on the provider, so it is made once.
        /// </summary>
        public static IEnumerable<ConnectionStringInfo> ParseAdo(IEnumerable<DbProvider> providers, string text)
        {
            var entries = ConnectionStringParser.ParseAdo(text);
            foreach (var provider in providers)
            {
                yield return new ConnectionStringInfo(provider, text, entries, Array.Empty<string>());
            }
        }

        /// <summary>The entry that decides <paramref name="setting"/>: the last one written under any of its keywords.</summary>
        public ConnectionStringEntry? Get(ConnectionSetting setting)
        {
            ConnectionStringEntry? found = null;
            foreach (var entry in Entries)
            {
                if (ProviderKeywords.TryGetSetting(Provider, entry.Key, out var s) && s == setting
                    && (found is null || entry.SegmentStart > found.SegmentStart))
                {
                    found = entry;
                }
            }

            return found;
        }

        /// <summary>True when every keyword the text sets is one this provider accepts.</summary>
        public bool AllKeywordsKnown => Entries.Count > 0 && Entries.All(e => ProviderKeywords.IsKnownKeyword(Provider, e.Key));

        public int KnownKeywordCount => Entries.Count(e => ProviderKeywords.IsKnownKeyword(Provider, e.Key));

        /// <summary>The TLS setting of the string (SSL Mode, Encrypt or Redis ssl) and what it amounts to.</summary>
        public ConnectionStringEntry? GetTransportSetting(out TransportSecurity security)
        {
            security = TransportSecurity.Unknown;
            foreach (var setting in new[] { ConnectionSetting.SslMode, ConnectionSetting.Encrypt, ConnectionSetting.RedisSsl })
            {
                var entry = Get(setting);
                if (entry != null)
                {
                    security = entry.IsValueKnown ? ProviderKeywords.ReadTransportSecurity(Provider, setting, entry.Value) : TransportSecurity.Unknown;
                    return entry;
                }
            }

            return null;
        }

        /// <summary>
        /// True when the host is written and every host it names is the local machine (localhost, 127.0.0.0/8, ::1,
        /// SQL Server's "." and "(local)", LocalDB's "(localdb)\instance"): local development, not a database on AWS.
        /// </summary>
        public bool IsLoopback
        {
            get
            {
                if (Provider == DbProvider.Redis)
                {
                    return RedisEndpoints.Count > 0 && RedisEndpoints.All(LoopbackHosts.IsLoopbackEndpoint);
                }

                var host = Get(ConnectionSetting.Host);
                return host != null && host.IsValueKnown && LoopbackHosts.IsLoopbackHostList(host.Value);
            }
        }

        /// <summary>True when the text holds a part unknown at compile time that could be any setting.</summary>
        public bool HasUnknownParts => ResolvedString.ContainsUnknown(Text);

        /// <summary>SqlClient with Windows/Entra authentication: a password keyword is not the credential in use.</summary>
        public bool UsesIntegratedOrTokenAuthentication
        {
            get
            {
                var integrated = Get(ConnectionSetting.IntegratedSecurity);
                if (integrated != null && (string.Equals(integrated.Value.Trim(), "sspi", StringComparison.OrdinalIgnoreCase) || ProviderKeywords.ReadBool(Provider, integrated.Value) == true))
                {
                    return true;
                }

                var authentication = Get(ConnectionSetting.Authentication);
                return authentication != null && authentication.Value.IndexOf("Active Directory", StringComparison.OrdinalIgnoreCase) >= 0
                    && authentication.Value.IndexOf("Password", StringComparison.OrdinalIgnoreCase) < 0;
            }
        }
    }

    internal static class LoopbackHosts
    {
        /// <summary>A host list such as <c>localhost</c>, <c>127.0.0.1,5432</c>, <c>tcp:localhost,1433</c> or <c>h1,h2</c>.</summary>
        public static bool IsLoopbackHostList(string value)
        {
            var any = false;
            foreach (var raw in value.Split(','))
            {
                var part = raw.Trim();
                if (part.Length == 0 || part.All(char.IsDigit))
                {
                    continue; // SQL Server's ",1433" port
                }

                any = true;
                if (!IsLoopbackEndpoint(part))
                {
                    return false;
                }
            }

            return any;
        }

        /// <summary>One endpoint: a host with an optional protocol prefix and port.</summary>
        public static bool IsLoopbackEndpoint(string endpoint)
        {
            var host = endpoint.Trim();
            if (host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
            {
                host = host.Substring(4);
            }

            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                var close = host.IndexOf(']');
                host = close > 0 ? host.Substring(1, close - 1) : host;
            }
            else if (host.Count(c => c == ':') == 1)
            {
                host = host.Substring(0, host.IndexOf(':'));
            }

            var backslash = host.IndexOf('\\');
            if (backslash >= 0)
            {
                host = host.Substring(0, backslash); // SQL Server named instance
            }

            return IsLoopbackHost(host);
        }

        public static bool IsLoopbackHost(string host)
        {
            var h = host.Trim();
            if (string.Equals(h, "localhost", StringComparison.OrdinalIgnoreCase) || h == "::1" || h == "." || string.Equals(h, "(local)", StringComparison.OrdinalIgnoreCase)
                || string.Equals(h, "(localdb)", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var parts = h.Split('.');
            return parts.Length == 4 && parts[0] == "127" && parts.All(p => p.Length > 0 && p.Length <= 3 && p.All(char.IsDigit));
        }
    }
}
