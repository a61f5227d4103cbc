using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>
    /// DLA5005 (off by default): an RDS instance or cluster created without <c>EnableIAMDatabaseAuthentication = true</c>
    /// (CDK: <c>IamAuthentication</c> on instance and cluster props, <c>EnableIamDatabaseAuthentication</c> on L1 props; CDK
    /// leaves it off). Aurora cluster members (an instance with <c>DBClusterIdentifier</c>) take the setting from their cluster.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnableIamDatabaseAuthenticationAnalyzer : RequestFlagRuleAnalyzer
    {
        public EnableIamDatabaseAuthenticationAnalyzer()
            : base(
                DiagnosticDescriptors.EnableIamDatabaseAuthentication,
                "EnableIAMDatabaseAuthentication",
                required: true,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                CdkTypes.DatabaseInstanceProps,
                CdkTypes.DatabaseClusterProps,
                CdkTypes.CfnDBInstanceProps,
                CdkTypes.CfnDBClusterProps)
        {
        }

        private protected override string GetPath(RequestRuleContext context) =>
            !context.IsCdk ? "EnableIAMDatabaseAuthentication" : context.IsCdkL1 ? "EnableIamDatabaseAuthentication" : "IamAuthentication";

        private protected override bool ReportsWhenNeverSet(RequestRuleContext context) => context.TypeName switch
        {
            "CreateDBInstanceRequest" => !context.Model.IsSet("DBClusterIdentifier"),
            "ICfnDBInstanceProps" => !context.Model.IsSet("DbClusterIdentifier"),
            _ => true,
        };

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written) => new object[]
        {
            !context.IsCdk ? "This " + context.TypeName
                : written ? path + " = false on this " + context.Subject
                : context.IsCdkL1 ? "This " + context.Subject
                : "This " + context.Subject + " (CDK leaves IAM authentication off unless IamAuthentication = true)",
            path,
        };
    }
}
