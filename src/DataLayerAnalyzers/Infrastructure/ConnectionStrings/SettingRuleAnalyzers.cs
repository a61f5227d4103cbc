using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// A rule about one boolean connection setting written with one value (<c>Pooling=false</c>,
    /// <c>TrustServerCertificate=true</c>): the same check on strings, typed builder properties and configuration files,
    /// with a fix that removes the setting.
    /// </summary>
    public abstract class BooleanSettingAnalyzer : ConnectionStringAnalyzer
    {
        internal abstract ConnectionSetting Setting { get; }

        internal abstract bool ReportedValue { get; }

        internal override bool AnalyzesConfigurationFiles => true;

        internal override bool AnalyzesStandaloneStrings => true;

        internal sealed override void AnalyzeConnectionString(ConnectionStringContext context)
        {
            var info = context.Info;
            var entry = info.Get(Setting);
            if (entry != null && entry.IsValueKnown && ProviderKeywords.ReadBool(info.Provider, entry.Value) == ReportedValue)
            {
                context.Report(Rule, entry, atValue: false, SettingEdits.Create(SettingEdits.RemoveSegment, info.Provider, entry), entry.Key + "=" + entry.Value);
            }
        }

        internal sealed override void AnalyzeTypedSetting(TypedSettingContext context)
        {
            var setting = context.Setting;
            if (setting.Setting == Setting && TypedSettingValues.ReadBool(setting, context.CancellationToken) == ReportedValue)
            {
                context.Report(Rule, SettingEdits.Create(SettingEdits.RemoveStatement, setting.Provider, setting.Property.Name), TypedSettingValues.Describe(setting));
            }
        }

        internal sealed override void AnalyzeConfigurationValue(ConfigValueContext context)
        {
            foreach (var info in context.ConnectionString.Candidates)
            {
                var entry = info.Get(Setting);
                if (entry != null && ProviderKeywords.ReadBool(info.Provider, entry.Value) == ReportedValue && !(context.SkipLoopback && info.IsLoopback))
                {
                    context.Report(Rule, entry.Key + "=" + entry.Value);
                    return;
                }
            }
        }
    }

    /// <summary>
    /// A rule about the TLS mode of a connection (<see cref="TransportSecurity"/>): reported when the mode amounts to
    /// <see cref="ReportedSecurity"/>, on strings, typed builder properties and configuration files, with a fix that sets
    /// the provider's verifying mode.
    /// </summary>
    public abstract class TransportSecurityAnalyzer : ConnectionStringAnalyzer
    {
        internal abstract TransportSecurity ReportedSecurity { get; }

        internal override bool AnalyzesConfigurationFiles => true;

        internal override bool AnalyzesStandaloneStrings => true;

        internal override void AnalyzeConnectionString(ConnectionStringContext context)
        {
            var info = context.Info;
            var entry = info.GetTransportSetting(out var security);
            if (entry != null && security == ReportedSecurity)
            {
                var fix = SettingEdits.Create(SettingEdits.SetValue, info.Provider, entry, ProviderKeywords.VerifyingValue(info.Provider));
                context.Report(Rule, entry, atValue: false, fix, entry.Key + "=" + entry.Value, ProviderKeywords.VerifyingSettingText(info.Provider, entry.Key));
            }
        }

        internal sealed override void AnalyzeTypedSetting(TypedSettingContext context)
        {
            var setting = context.Setting;
            if (TypedSettingValues.ReadTransport(setting, context.CancellationToken) == ReportedSecurity)
            {
                var member = TypedSettingValues.VerifyingMember(setting);
                var fix = SettingEdits.Create(SettingEdits.SetTyped, setting.Provider, setting.Property.Name, member);
                context.Report(Rule, fix, TypedSettingValues.Describe(setting), setting.Property.Name + " = " + member);
            }
        }

        internal sealed override void AnalyzeConfigurationValue(ConfigValueContext context)
        {
            foreach (var info in context.ConnectionString.Candidates)
            {
                var entry = info.GetTransportSetting(out var security);
                if (entry != null && security == ReportedSecurity && !(context.SkipLoopback && info.IsLoopback))
                {
                    context.Report(Rule, entry.Key + "=" + entry.Value, ProviderKeywords.VerifyingSettingText(info.Provider, entry.Key));
                    return;
                }
            }
        }
    }
}
