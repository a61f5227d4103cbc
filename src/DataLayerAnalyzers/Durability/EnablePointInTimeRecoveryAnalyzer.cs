using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5006: a DynamoDB <c>UpdateContinuousBackupsRequest</c> whose <c>PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled</c> is false.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnablePointInTimeRecoveryAnalyzer : RequestFlagRuleAnalyzer
    {
        public EnablePointInTimeRecoveryAnalyzer()
            : base(
                DiagnosticDescriptors.EnablePointInTimeRecovery,
                "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                required: true,
                AwsRequestTypes.UpdateContinuousBackups)
        {
        }

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written) => new object[0];
    }
}
