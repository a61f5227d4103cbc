using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>
    /// DLA5003: deletion protection turned off on RDS create and restore requests (<c>DeletionProtection = false</c>) and on
    /// DynamoDB <c>CreateTableRequest</c> (<c>DeletionProtectionEnabled = false</c>); the same explicit false on AWS CDK instance,
    /// cluster, serverless-cluster and table props and their L1 props. Modify requests are left alone: lifting protection before
    /// a delete is decommissioning.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnableDeletionProtectionAnalyzer : RequestFlagRuleAnalyzer
    {
        public EnableDeletionProtectionAnalyzer()
            : base(
                DiagnosticDescriptors.EnableDeletionProtection,
                "DeletionProtection",
                required: true,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.RestoreDBInstanceFromDBSnapshot,
                AwsRequestTypes.RestoreDBClusterFromSnapshot,
                AwsRequestTypes.CreateDBInstanceReadReplica,
                AwsRequestTypes.CreateTable,
                CdkTypes.DatabaseInstanceProps,
                CdkTypes.DatabaseInstanceFromSnapshotProps,
                CdkTypes.DatabaseInstanceReadReplicaProps,
                CdkTypes.DatabaseClusterProps,
                CdkTypes.DatabaseClusterFromSnapshotProps,
                CdkTypes.ServerlessClusterProps,
                CdkTypes.CfnDBInstanceProps,
                CdkTypes.CfnDBClusterProps,
                CdkTypes.TableProps,
                CdkTypes.TablePropsV2,
                CdkTypes.CfnTableProps)
        {
        }

        private protected override string GetPath(RequestRuleContext context) =>
            context.TypeName == "CreateTableRequest" || context.TypeName == "ICfnTableProps" ? "DeletionProtectionEnabled" : "DeletionProtection";

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written) => new object[] { path, context.Subject };
    }
}
