using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5004: <c>MultiAZ = false</c> on <c>CreateDBInstanceRequest</c> / <c>ModifyDBInstanceRequest</c> (information).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConsiderMultiAzAnalyzer : RequestRuleAnalyzer
    {
        public ConsiderMultiAzAnalyzer()
            : base(
                DiagnosticDescriptors.ConsiderMultiAz,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.ModifyDBInstance)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsSetTo("MultiAZ", false, out var setting))
            {
                context.ReportSetting(setting, "true", context.TypeName);
            }
        }
    }
}
