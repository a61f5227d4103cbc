using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5002: <c>PubliclyAccessible = true</c> on an RDS create, modify, restore or read-replica request.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotMakeDatabasesPublicAnalyzer : RequestFlagRuleAnalyzer
    {
        public DoNotMakeDatabasesPublicAnalyzer()
            : base(
                DiagnosticDescriptors.DoNotMakeDatabasesPublic,
                "PubliclyAccessible",
                required: false,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.ModifyDBInstance,
                AwsRequestTypes.RestoreDBInstanceFromDBSnapshot,
                AwsRequestTypes.CreateDBInstanceReadReplica)
        {
        }
    }
}
