using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5005 (off by default): an RDS instance or cluster created without <c>EnableIAMDatabaseAuthentication = true</c>. Aurora cluster members take the setting from their cluster.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnableIamDatabaseAuthenticationAnalyzer : RequestRuleAnalyzer
    {
        public EnableIamDatabaseAuthenticationAnalyzer()
            : base(
                DiagnosticDescriptors.EnableIamDatabaseAuthentication,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster)
        {
        }

        private const string Property = "EnableIAMDatabaseAuthentication";

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsSetTo(Property, false, out var setting))
            {
                context.ReportSetting(setting, "true", context.TypeName);
            }
            else if (!context.Model.IsSet(Property) && (context.TypeName == "CreateDBClusterRequest" || !context.Model.IsSet("DBClusterIdentifier")))
            {
                context.ReportMissing(Property, "true", context.TypeName);
            }
        }
    }
}
