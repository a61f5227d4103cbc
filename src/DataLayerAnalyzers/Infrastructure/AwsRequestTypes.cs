namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>Metadata names of the AWS provisioning request types the request rules look at.</summary>
    internal static class AwsRequestTypes
    {
        public const string CreateDBInstance = "Amazon.RDS.Model.CreateDBInstanceRequest";
        public const string CreateDBCluster = "Amazon.RDS.Model.CreateDBClusterRequest";
        public const string ModifyDBInstance = "Amazon.RDS.Model.ModifyDBInstanceRequest";
        public const string RestoreDBInstanceFromDBSnapshot = "Amazon.RDS.Model.RestoreDBInstanceFromDBSnapshotRequest";
        public const string RestoreDBClusterFromSnapshot = "Amazon.RDS.Model.RestoreDBClusterFromSnapshotRequest";
        public const string CreateDBInstanceReadReplica = "Amazon.RDS.Model.CreateDBInstanceReadReplicaRequest";
        public const string CopyDBSnapshot = "Amazon.RDS.Model.CopyDBSnapshotRequest";
        public const string CreateDBProxy = "Amazon.RDS.Model.CreateDBProxyRequest";
        public const string ModifyDBProxy = "Amazon.RDS.Model.ModifyDBProxyRequest";
        public const string DBSnapshot = "Amazon.RDS.Model.DBSnapshot";

        public const string CreateTable = "Amazon.DynamoDBv2.Model.CreateTableRequest";
        public const string UpdateContinuousBackups = "Amazon.DynamoDBv2.Model.UpdateContinuousBackupsRequest";
    }
}
