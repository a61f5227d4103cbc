using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>
    /// DLA5002: <c>PubliclyAccessible = true</c> on an RDS create, modify, restore or read-replica request, and on AWS CDK
    /// instance props, cluster-instance props (<c>ClusterInstance.Provisioned/ServerlessV2</c>, legacy <c>InstanceProps</c>)
    /// and L1 props; also CDK instance props whose <c>VpcSubnets</c> select <c>SubnetType.PUBLIC</c> without
    /// <c>PubliclyAccessible = false</c> (CDK then makes the instance public).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotMakeDatabasesPublicAnalyzer : RequestFlagRuleAnalyzer
    {
        private const string PubliclyAccessible = "PubliclyAccessible";

        public DoNotMakeDatabasesPublicAnalyzer()
            : base(
                DiagnosticDescriptors.DoNotMakeDatabasesPublic,
                PubliclyAccessible,
                required: false,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.ModifyDBInstance,
                AwsRequestTypes.RestoreDBInstanceFromDBSnapshot,
                AwsRequestTypes.CreateDBInstanceReadReplica,
                CdkTypes.DatabaseInstanceProps,
                CdkTypes.DatabaseInstanceFromSnapshotProps,
                CdkTypes.DatabaseInstanceReadReplicaProps,
                CdkTypes.DatabaseClusterProps,
                CdkTypes.ProvisionedClusterInstanceProps,
                CdkTypes.ServerlessV2ClusterInstanceProps,
                CdkTypes.CfnDBInstanceProps,
                CdkTypes.CfnDBClusterProps)
        {
        }

        /// <summary>A CDK cluster has no PubliclyAccessible of its own: only the legacy InstanceProps carry one.</summary>
        private protected override string GetPath(RequestRuleContext context) =>
            context.TypeName == "IDatabaseClusterProps" ? "InstanceProps." + PubliclyAccessible : PubliclyAccessible;

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written) =>
            new object[] { "PubliclyAccessible = true on this " + context.Subject };

        /// <summary>CDK instance props: public subnets make CDK default PubliclyAccessible to true.</summary>
        private protected override void AnalyzeMore(RequestRuleContext context)
        {
            if (!context.IsCdk || context.IsCdkL1 || context.TypeName == "IDatabaseClusterProps" || !context.TypeName.StartsWith("IDatabaseInstance", System.StringComparison.Ordinal)
                || context.Model.IsSet(PubliclyAccessible)
                || !CdkValues.TryGetEnumMember(context.Model, "VpcSubnets.SubnetType", out var subnetType, out var setting, context.CancellationToken)
                || subnetType != "PUBLIC")
            {
                return;
            }

            context.ReportUnlessAdded(setting.Syntax, PubliclyAccessible, "false",
                "VpcSubnets selecting SubnetType.PUBLIC on this " + context.Subject + " (CDK then sets PubliclyAccessible = true)");
        }
    }
}
