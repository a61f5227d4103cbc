using System;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>Recognizes RDS endpoint host names: instance and cluster endpoints versus RDS Proxy endpoints.</summary>
    internal static class RdsEndpoints
    {
        private const int MaxHosts = 16;

        /// <summary>
        /// The first host of a host list (<c>a,b</c>, <c>host:port</c>, SQL Server's <c>tcp:host,1433</c>) that is a direct RDS
        /// instance or cluster endpoint (<c>*.rds.amazonaws.com</c>, <c>*.rds.amazonaws.com.cn</c>) rather than a proxy endpoint
        /// (a <c>proxy-…</c> label), or null.
        /// </summary>
        public static string? FindDirectEndpoint(string hostList)
        {
            var hosts = hostList.Split(',');
            for (var i = 0; i < hosts.Length && i < MaxHosts; i++)
            {
                var host = hosts[i].Trim();
                if (host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
                {
                    host = host.Substring(4);
                }

                var colon = host.IndexOf(':');
                if (colon >= 0)
                {
                    host = host.Substring(0, colon);
                }

                host = host.TrimEnd('.');
                if (IsRdsHost(host) && !IsProxyHost(host))
                {
                    return host;
                }
            }

            return null;
        }

        public static bool IsRdsHost(string host)
            => host.EndsWith(".rds.amazonaws.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".rds.amazonaws.com.cn", StringComparison.OrdinalIgnoreCase);

        /// <summary><c>name.proxy-abc123.region.rds.amazonaws.com</c> and custom proxy endpoints <c>name.endpoint.proxy-abc123.…</c>.</summary>
        public static bool IsProxyHost(string host)
        {
            foreach (var label in host.Split('.'))
            {
                if (label.StartsWith("proxy-", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
