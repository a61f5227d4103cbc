using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>DLA4001: <c>Pooling=false</c> in a connection string or on a builder.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotDisableConnectionPoolingAnalyzer : ConnectionStringAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.DoNotDisableConnectionPooling;

        internal override bool AnalyzesConfigurationFiles => true;

        // Pooling off costs a physical connection per open wherever the database runs.
        internal override bool ExemptsLoopback => false;

        internal override void AnalyzeConnectionString(ConnectionStringContext context)
        {
            var info = context.Info;
            var entry = info.Get(ConnectionSetting.Pooling);
            if (entry != null && entry.IsValueKnown && ProviderKeywords.ReadBool(info.Provider, entry.Value) == false)
            {
                context.Report(Rule, entry, atValue: false, SettingEdits.Create(SettingEdits.RemoveSegment, info.Provider, entry), entry.Key + "=" + entry.Value);
            }
        }

        internal override void AnalyzeTypedSetting(TypedSettingContext context)
        {
            var setting = context.Setting;
            if (setting.Setting == ConnectionSetting.Pooling && TypedSettingValues.ReadBool(setting, context.CancellationToken) == false)
            {
                context.Report(Rule, SettingEdits.Create(SettingEdits.RemoveStatement, setting.Provider, setting.Property.Name), TypedSettingValues.Describe(setting));
            }
        }

        internal override void AnalyzeConfigurationValue(ConfigValueContext context)
        {
            foreach (var info in context.ConnectionString.Candidates)
            {
                var entry = info.Get(ConnectionSetting.Pooling);
                if (entry != null && ProviderKeywords.ReadBool(info.Provider, entry.Value) == false)
                {
                    context.Report(Rule, entry.Key + "=" + entry.Value);
                    return;
                }
            }
        }
    }
}
