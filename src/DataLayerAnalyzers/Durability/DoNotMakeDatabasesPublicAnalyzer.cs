using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5002: <c>PubliclyAccessible = true</c> on an RDS create, modify, restore or read-replica request.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotMakeDatabasesPublicAnalyzer : RequestRuleAnalyzer
    {
        public DoNotMakeDatabasesPublicAnalyzer()
            : base(
                DiagnosticDescriptors.DoNotMakeDatabasesPublic,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.ModifyDBInstance,
                AwsRequestTypes.RestoreDBInstanceFromDBSnapshot,
                AwsRequestTypes.CreateDBInstanceReadReplica)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsSetTo("PubliclyAccessible", true, out var setting))
            {
                context.ReportSetting(setting, "false", context.TypeName);
            }
        }
    }
}
