using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>DLA3001: encryption in transit explicitly off or optional (plaintext possible).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequireTlsForDatabaseConnectionsAnalyzer : ConnectionStringAnalyzer
    {
        /// <summary>Also report a connection string that leaves the TLS setting to the provider's default.</summary>
        public const string ReportOmittedOption = "report_omitted_setting";

        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.RequireTlsForDatabaseConnections;

        internal override bool AnalyzesConfigurationFiles => true;

        internal override void AnalyzeConnectionString(ConnectionStringContext context)
        {
            var info = context.Info;
            var entry = info.GetTransportSetting(out var security);
            if (entry != null)
            {
                if (security == TransportSecurity.Plaintext)
                {
                    var fix = SettingEdits.Create(SettingEdits.SetValue, info.Provider, entry, ProviderKeywords.VerifyingValue(info.Provider));
                    context.Report(Rule, entry, atValue: false, fix, entry.Key + "=" + entry.Value, ProviderKeywords.VerifyingSettingText(info.Provider, entry.Key));
                }

                return;
            }

            if (!info.HasUnknownParts && info.Entries.Count > 0
                && context.Options.GetRuleBool(context.Tree, Rule.Id, ReportOmittedOption, defaultValue: false))
            {
                var keyword = TransportKeyword(info.Provider);
                var fix = SettingEdits.Create(SettingEdits.SetValue, info.Provider, keyword, ProviderKeywords.VerifyingValue(info.Provider));
                context.ReportAt(Rule, context.Source.LocateSpan(0, info.Text.Length), fix, "Leaving " + keyword + " to the provider default", ProviderKeywords.VerifyingSettingText(info.Provider, keyword));
            }
        }

        internal override void AnalyzeTypedSetting(TypedSettingContext context)
        {
            var setting = context.Setting;
            if (TypedSettingValues.ReadTransport(setting, context.CancellationToken) == TransportSecurity.Plaintext)
            {
                var fix = SettingEdits.Create(SettingEdits.SetTyped, setting.Provider, setting.Property.Name, VerifyingMember(setting));
                context.Report(Rule, fix, TypedSettingValues.Describe(setting), setting.Property.Name + " = " + VerifyingMember(setting));
            }
        }

        internal override void AnalyzeConfigurationValue(ConfigValueContext context)
        {
            foreach (var info in context.ConnectionString.Candidates)
            {
                var entry = info.GetTransportSetting(out var security);
                if (entry != null && security == TransportSecurity.Plaintext && !(context.SkipLoopback && info.IsLoopback))
                {
                    context.Report(Rule, entry.Key + "=" + entry.Value, ProviderKeywords.VerifyingSettingText(info.Provider, entry.Key));
                    return;
                }
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

        private static string VerifyingMember(TypedSetting setting)
        {
            if (setting.Setting == ConnectionSetting.SslMode)
            {
                return "VerifyFull";
            }

            return setting.Property.Type.Name == "SqlConnectionEncryptOption" ? "Mandatory" : "true";
        }
    }
}
