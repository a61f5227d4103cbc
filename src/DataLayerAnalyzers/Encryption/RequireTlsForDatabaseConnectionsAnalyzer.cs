using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>DLA3001: encryption in transit explicitly off or optional (plaintext possible).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequireTlsForDatabaseConnectionsAnalyzer : TransportSecurityAnalyzer
    {
        /// <summary>Also report a connection string that leaves the TLS setting to the provider's default.</summary>
        public const string ReportOmittedOption = "report_omitted_setting";

        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.RequireTlsForDatabaseConnections;

        internal override TransportSecurity ReportedSecurity => TransportSecurity.Plaintext;

        internal override void AnalyzeConnectionString(ConnectionStringContext context)
        {
            var info = context.Info;
            if (info.GetTransportSetting(out _) != null)
            {
                base.AnalyzeConnectionString(context);
                return;
            }

            // Microsoft.Data.SqlClient 4.0+ encrypts when Encrypt is left out: only older versions run plaintext by default.
            if (!context.IsStandalone && !info.HasUnknownParts && info.Entries.Count > 0
                && !(info.Provider == DbProvider.SqlClient && context.Symbols?.SqlClientEncryptsByDefault == true)
                && context.Options.GetRuleBool(context.Tree, Rule.Id, ReportOmittedOption, defaultValue: false))
            {
                var keyword = TransportKeyword(info.Provider);
                var fix = context.Source.Pieces.Length == 1 ? SettingEdits.Create(SettingEdits.SetValue, info.Provider, keyword, ProviderKeywords.VerifyingValue(info.Provider)) : null;
                context.ReportAt(Rule, context.Source.LocateSpan(0, info.Text.Length), fix ?? System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty,
                    "Leaving " + keyword + " to the provider default", ProviderKeywords.VerifyingSettingText(info.Provider, keyword));
            }
        }

        private static string TransportKeyword(DbProvider provider)
        {
            switch (provider)
            {
                case DbProvider.Npgsql: return "SSL Mode";
                case DbProvider.SqlClient:
                case DbProvider.SystemDataSqlClient: return "Encrypt";
                case DbProvider.Redis: return "ssl";
                default: return "SslMode";
            }
        }
    }
}
