using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5006: a DynamoDB <c>UpdateContinuousBackupsRequest</c> whose <c>PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled</c> is false.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnablePointInTimeRecoveryAnalyzer : RequestRuleAnalyzer
    {
        public EnablePointInTimeRecoveryAnalyzer()
            : base(
                DiagnosticDescriptors.EnablePointInTimeRecovery,
                AwsRequestTypes.UpdateContinuousBackups)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsSetTo("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", false, out var setting))
            {
                context.ReportSetting(setting, "true");
            }
        }
    }
}
