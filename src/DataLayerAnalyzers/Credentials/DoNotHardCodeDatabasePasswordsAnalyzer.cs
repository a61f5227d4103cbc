using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>DLA2002: a literal password in a database or cache connection string, or on a builder's Password property.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotHardCodeDatabasePasswordsAnalyzer : ConnectionStringAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.DoNotHardCodeDatabasePasswords;

        internal override bool AnalyzesStandaloneStrings => true;

        internal override void AnalyzeConnectionString(ConnectionStringContext context)
        {
            var info = context.Info;
            var entry = info.Get(ConnectionSetting.Password);
            if (entry != null && SecretValues.IsLiteralSecret(entry.Value) && !info.UsesIntegratedOrTokenAuthentication)
            {
                context.Report(Rule, entry, atValue: true, SettingEdits.Create(SettingEdits.ReadFromEnvironment, info.Provider, entry), entry.Key);
            }
        }

        internal override void AnalyzeTypedSetting(TypedSettingContext context)
        {
            var setting = context.Setting;
            if (setting.Setting == ConnectionSetting.Password
                && ValueResolver.TryResolveString(setting.Value, out var value, context.CancellationToken)
                && value.IsFullyKnown && SecretValues.IsLiteralSecret(value.Value))
            {
                context.Report(Rule, SettingEdits.Create(SettingEdits.ReadFromEnvironment, setting.Provider, setting.Property.Name), setting.Property.Name);
            }
        }
    }
}
