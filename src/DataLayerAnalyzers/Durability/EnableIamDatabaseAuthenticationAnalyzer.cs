using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>
    /// DLA5005 (off by default): an RDS instance or cluster created without <c>EnableIAMDatabaseAuthentication = true</c>.
    /// Aurora cluster members (an instance with <c>DBClusterIdentifier</c>) take the setting from their cluster.
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
                AwsRequestTypes.CreateDBCluster)
        {
        }

        private protected override bool ReportsWhenNeverSet(RequestRuleContext context) =>
            context.TypeName == "CreateDBClusterRequest" || !context.Model.IsSet("DBClusterIdentifier");
    }
}
