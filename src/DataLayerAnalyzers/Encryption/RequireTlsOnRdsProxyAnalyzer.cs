using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>
    /// DLA3005: an RDS Proxy that does not require TLS — <c>CreateDBProxyRequest</c> with <c>RequireTLS</c> false or never
    /// set (the service then accepts plain connections), <c>ModifyDBProxyRequest</c> with <c>RequireTLS = false</c>; CDK
    /// <c>DatabaseProxy</c> / <c>AddProxy</c> options with <c>RequireTLS = false</c> (omitting it is fine: CDK defaults to true);
    /// a <c>CfnDBProxy</c> without <c>RequireTls = true</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequireTlsOnRdsProxyAnalyzer : RequestFlagRuleAnalyzer
    {
        public RequireTlsOnRdsProxyAnalyzer()
            : base(
                DiagnosticDescriptors.RequireTlsOnRdsProxy,
                "RequireTLS",
                required: true,
                AwsRequestTypes.CreateDBProxy,
                AwsRequestTypes.ModifyDBProxy,
                CdkTypes.DatabaseProxyOptions,
                CdkTypes.DatabaseProxyProps,
                CdkTypes.CfnDBProxyProps)
        {
        }

        private protected override string GetPath(RequestRuleContext context) => context.IsCdkL1 ? "RequireTls" : "RequireTLS";

        private protected override bool ReportsWhenNeverSet(RequestRuleContext context) => context.TypeName == "CreateDBProxyRequest" || context.IsCdkL1;

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written) => new object[]
        {
            written ? path + " = false on this " + context.Subject
                : context.IsCdkL1 ? "This " + context.Subject + " (CloudFormation leaves TLS optional unless RequireTls = true; only the DatabaseProxy construct defaults it to true)"
                : "This " + context.Subject,
            path,
        };
    }
}
