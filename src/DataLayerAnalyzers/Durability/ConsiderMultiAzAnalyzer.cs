using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>
    /// DLA5004 (information): <c>MultiAZ = false</c> on <c>CreateDBInstanceRequest</c> / <c>ModifyDBInstanceRequest</c>; a CDK
    /// <c>DatabaseInstance</c> without <c>MultiAz = true</c> (CDK's default is single-AZ) or with false; <c>MultiAz = false</c> on
    /// a <c>CfnDBInstance</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConsiderMultiAzAnalyzer : RequestFlagRuleAnalyzer
    {
        public ConsiderMultiAzAnalyzer()
            : base(
                DiagnosticDescriptors.ConsiderMultiAz,
                "MultiAZ",
                required: true,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.ModifyDBInstance,
                CdkTypes.DatabaseInstanceProps,
                CdkTypes.CfnDBInstanceProps)
        {
        }

        private protected override string GetPath(RequestRuleContext context) => context.IsCdk ? "MultiAz" : "MultiAZ";

        private protected override bool ReportsWhenNeverSet(RequestRuleContext context) => context.TypeName == "IDatabaseInstanceProps";

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written) => new object[]
        {
            written
                ? path + " = false on this " + context.Subject
                : "This " + context.Subject + " is single-AZ, CDK's default unless MultiAz = true",
        };
    }
}
