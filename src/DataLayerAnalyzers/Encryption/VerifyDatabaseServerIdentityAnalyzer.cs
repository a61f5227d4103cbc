using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>DLA3006: TLS that encrypts but never checks the server certificate (Npgsql Require, MySQL Required).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VerifyDatabaseServerIdentityAnalyzer : ConnectionStringAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.VerifyDatabaseServerIdentity;

        internal override bool AnalyzesConfigurationFiles => true;

        internal override void AnalyzeConnectionString(ConnectionStringContext context)
        {
            var info = context.Info;
            var entry = info.GetTransportSetting(out var security);
            if (entry != null && security == TransportSecurity.EncryptedNotVerified)
            {
                var fix = SettingEdits.Create(SettingEdits.SetValue, info.Provider, entry, "VerifyFull");
                context.Report(Rule, entry, atValue: false, fix, entry.Key + "=" + entry.Value, entry.Key + "=VerifyFull");
            }
        }

        internal override void AnalyzeTypedSetting(TypedSettingContext context)
        {
            var setting = context.Setting;
            if (setting.Setting == ConnectionSetting.SslMode
                && TypedSettingValues.ReadTransport(setting, context.CancellationToken) == TransportSecurity.EncryptedNotVerified)
            {
                var fix = SettingEdits.Create(SettingEdits.SetTyped, setting.Provider, setting.Property.Name, "VerifyFull");
                context.Report(Rule, fix, TypedSettingValues.Describe(setting), setting.Property.Name + " = VerifyFull");
            }
        }

        internal override void AnalyzeConfigurationValue(ConfigValueContext context)
        {
            foreach (var info in context.ConnectionString.Candidates)
            {
                var entry = info.GetTransportSetting(out var security);
                if (entry != null && security == TransportSecurity.EncryptedNotVerified && !(context.SkipLoopback && info.IsLoopback))
                {
                    context.Report(Rule, entry.Key + "=" + entry.Value, entry.Key + "=VerifyFull");
                    return;
                }
            }
        }
    }
}
