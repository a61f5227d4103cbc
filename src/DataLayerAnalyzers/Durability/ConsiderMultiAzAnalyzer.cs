using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5004: <c>MultiAZ = false</c> on <c>CreateDBInstanceRequest</c> / <c>ModifyDBInstanceRequest</c> (information).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConsiderMultiAzAnalyzer : RequestFlagRuleAnalyzer
    {
        public ConsiderMultiAzAnalyzer()
            : base(DiagnosticDescriptors.ConsiderMultiAz, "MultiAZ", required: true, AwsRequestTypes.CreateDBInstance, AwsRequestTypes.ModifyDBInstance)
        {
        }
    }
}
