using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5003: deletion protection turned off on RDS create and restore requests (<c>DeletionProtection = false</c>) and on DynamoDB <c>CreateTableRequest</c> (<c>DeletionProtectionEnabled = false</c>). Modify requests are left alone: lifting protection before a delete is decommissioning.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnableDeletionProtectionAnalyzer : RequestRuleAnalyzer
    {
        public EnableDeletionProtectionAnalyzer()
            : base(
                DiagnosticDescriptors.EnableDeletionProtection,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.RestoreDBInstanceFromDBSnapshot,
                AwsRequestTypes.RestoreDBClusterFromSnapshot,
                AwsRequestTypes.CreateDBInstanceReadReplica,
                AwsRequestTypes.CreateTable)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            var property = context.TypeName == "CreateTableRequest" ? "DeletionProtectionEnabled" : "DeletionProtection";
            if (context.IsSetTo(property, false, out var setting))
            {
                context.ReportSetting(setting, "true", property, context.TypeName);
            }
        }
    }
}
