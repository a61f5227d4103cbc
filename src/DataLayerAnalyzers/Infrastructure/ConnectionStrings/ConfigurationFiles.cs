using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataLayerAnalyzers.Infrastructure.Json;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>A string value of an appsettings*.json file that reads as a connection string of one or more providers.</summary>
    internal sealed class ConfigConnectionString
    {
        public ConfigConnectionString(JsonStringValue value, IReadOnlyList<ConnectionStringInfo> candidates)
        {
            Value = value;
            Candidates = candidates;
        }

        public JsonStringValue Value { get; }

        /// <summary>Every provider whose keyword rules accept the string (a config file does not say which library reads it).</summary>
        public IReadOnlyList<ConnectionStringInfo> Candidates { get; }
    }

    /// <summary>Connection strings in appsettings*.json AdditionalFiles: the ConnectionStrings section and any other string value that parses as a connection string of a known provider.</summary>
    internal static class ConfigurationFiles
    {
        private static readonly DbProvider[] AllProviders =
        {
            DbProvider.Npgsql, DbProvider.SqlClient, DbProvider.MySqlConnector, DbProvider.MySqlData, DbProvider.Redis,
        };

        public static bool IsAppSettings(string path)
        {
            var name = Path.GetFileName(path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }

        public static bool IsDevelopmentSettings(string path)
        {
            return string.Equals(Path.GetFileName(path), "appsettings.Development.json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary><c>host:port</c> with a numeric port: what a Redis configuration string starts with.</summary>
        private static bool LooksLikeEndpoint(string endpoint)
        {
            var colon = endpoint.LastIndexOf(':');
            return colon > 0 && colon < endpoint.Length - 1 && endpoint.Substring(colon + 1).All(char.IsDigit) && endpoint.IndexOf(' ') < 0;
        }

        /// <summary>The string values of an appsettings file and the connection strings among them.</summary>
        internal sealed class ReadFile
        {
            public ReadFile(IReadOnlyList<JsonStringValue> values, IReadOnlyList<ConfigConnectionString> connectionStrings)
            {
                Values = values;
                ConnectionStrings = connectionStrings;
            }

            public IReadOnlyList<JsonStringValue> Values { get; }

            public IReadOnlyList<ConfigConnectionString> ConnectionStrings { get; }
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.CodeAnalysis.Text.SourceText, ReadFile> Reads =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.CodeAnalysis.Text.SourceText, ReadFile>();

        /// <summary>
        /// Reads <paramref name="text"/> once for every rule that looks at it (six rules read the same appsettings file):
        /// the result depends on the text alone.
        /// </summary>
        public static ReadFile Read(Microsoft.CodeAnalysis.Text.SourceText text)
        {
            return Reads.GetValue(text, static t =>
            {
                var values = Json.JsonReader.ReadStringValues(t.ToString());
                return new ReadFile(values, ReadConnectionStrings(values).ToList());
            });
        }

        public static IEnumerable<ConfigConnectionString> ReadConnectionStrings(IReadOnlyList<JsonStringValue> values)
        {
            foreach (var value in values)
            {
                if (value.Value.IndexOf('=') < 0)
                {
                    continue;
                }

                var inSection = value.Path.Count >= 2 && string.Equals(value.Path[0], "ConnectionStrings", StringComparison.OrdinalIgnoreCase);
                var infos = AllProviders.Select(p => ConnectionStringInfo.Parse(p, value.Value)).ToList();
                // Outside the ConnectionStrings section a value counts only when it reads as a whole connection string:
                // every keyword known, a host, and more than one setting (so "Password=… is what the demo prints" is prose).
                var candidates = infos.Where(i => i.AllKeywordsKnown
                    && (i.Provider == DbProvider.Redis
                        ? i.RedisEndpoints.Count > 0 && (inSection || i.RedisEndpoints.All(LooksLikeEndpoint))
                        : inSection || (i.Entries.Count >= 2 && i.Get(ConnectionSetting.Host) != null))).ToList();
                if (candidates.Count == 0 && inSection)
                {
                    var best = infos.Max(i => i.KnownKeywordCount);
                    if (best > 0)
                    {
                        candidates = infos.Where(i => i.KnownKeywordCount == best).ToList();
                    }
                }

                if (candidates.Count > 0)
                {
                    yield return new ConfigConnectionString(value, candidates);
                }
            }
        }
    }
}
