using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>DLA3005: an RDS Proxy that does not require TLS — <c>CreateDBProxyRequest</c> with <c>RequireTLS</c> false or never set, <c>ModifyDBProxyRequest</c> with <c>RequireTLS = false</c>.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequireTlsOnRdsProxyAnalyzer : RequestRuleAnalyzer
    {
        public RequireTlsOnRdsProxyAnalyzer()
            : base(
                DiagnosticDescriptors.RequireTlsOnRdsProxy,
                AwsRequestTypes.CreateDBProxy,
                AwsRequestTypes.ModifyDBProxy)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsSetTo("RequireTLS", false, out var setting))
            {
                context.ReportSetting(setting, "true", "RequireTLS = false on this " + context.TypeName);
            }
            else if (context.TypeName == "CreateDBProxyRequest" && !context.Model.IsSet("RequireTLS"))
            {
                context.ReportMissing("RequireTLS", "true", "This CreateDBProxyRequest");
            }
        }
    }
}
