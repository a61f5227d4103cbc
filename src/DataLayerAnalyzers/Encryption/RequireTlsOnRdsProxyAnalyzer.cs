using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>
    /// DLA3005: an RDS Proxy that does not require TLS — <c>CreateDBProxyRequest</c> with <c>RequireTLS</c> false or never
    /// set (the service then accepts plain connections), <c>ModifyDBProxyRequest</c> with <c>RequireTLS = false</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequireTlsOnRdsProxyAnalyzer : RequestFlagRuleAnalyzer
    {
        public RequireTlsOnRdsProxyAnalyzer()
            : base(DiagnosticDescriptors.RequireTlsOnRdsProxy, "RequireTLS", required: true, AwsRequestTypes.CreateDBProxy, AwsRequestTypes.ModifyDBProxy)
        {
        }

        private protected override bool ReportsWhenNeverSet(RequestRuleContext context) => context.TypeName == "CreateDBProxyRequest";

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written) =>
            new object[] { (written ? "RequireTLS = false on this " : "This ") + context.TypeName };
    }
}
