// assembly: AWSSDK.RDS
// API-surface stub of AWSSDK.RDS 4.x (not restorable here). Public signatures only; names from shared api-facts §2.
// SDK v4 shapes: every value-type property is nullable (bool?, int?). The v3 shapes (bool, int) are derived from this
// file at test time (ReferenceSet.AllWithRdsV3), so both generations are checked against one surface.
// The sample samples/Provisioning compiles against this same file (RdsApiSurface project).
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.RDS.Model;
using Amazon.Runtime;

namespace Amazon.RDS
{
    public class AmazonRDSConfig : ClientConfig
    {
        public AmazonRDSConfig() : base(null!) { }
        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters) => throw null!;
        public override string RegionEndpointServiceName => "rds";
        public override string ServiceVersion => "2014-10-31";
        public override string UserAgent => "rds";
    }

    /// <summary>ConstantClass: DISABLED, REQUIRED, ENABLED (ENABLED only for SQL Server proxies).</summary>
    public class IAMAuthMode : ConstantClass
    {
        public static readonly IAMAuthMode DISABLED = new IAMAuthMode("DISABLED");
        public static readonly IAMAuthMode ENABLED = new IAMAuthMode("ENABLED");
        public static readonly IAMAuthMode REQUIRED = new IAMAuthMode("REQUIRED");

        public IAMAuthMode(string value) : base(value) { }
    }

    public interface IAmazonRDS : IAmazonService, IDisposable
    {
        Task<CreateDBInstanceResponse> CreateDBInstanceAsync(CreateDBInstanceRequest request, CancellationToken cancellationToken = default);
        Task<CreateDBClusterResponse> CreateDBClusterAsync(CreateDBClusterRequest request, CancellationToken cancellationToken = default);
        Task<ModifyDBInstanceResponse> ModifyDBInstanceAsync(ModifyDBInstanceRequest request, CancellationToken cancellationToken = default);
        Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default);
        Task<CreateDBProxyResponse> CreateDBProxyAsync(CreateDBProxyRequest request, CancellationToken cancellationToken = default);
        Task<ModifyDBProxyResponse> ModifyDBProxyAsync(ModifyDBProxyRequest request, CancellationToken cancellationToken = default);
        Task<CopyDBSnapshotResponse> CopyDBSnapshotAsync(CopyDBSnapshotRequest request, CancellationToken cancellationToken = default);
        Task<RestoreDBInstanceFromDBSnapshotResponse> RestoreDBInstanceFromDBSnapshotAsync(RestoreDBInstanceFromDBSnapshotRequest request, CancellationToken cancellationToken = default);
        Task<RestoreDBClusterFromSnapshotResponse> RestoreDBClusterFromSnapshotAsync(RestoreDBClusterFromSnapshotRequest request, CancellationToken cancellationToken = default);
        Task<CreateDBInstanceReadReplicaResponse> CreateDBInstanceReadReplicaAsync(CreateDBInstanceReadReplicaRequest request, CancellationToken cancellationToken = default);
        Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default);
        Task<DescribeDBSnapshotsResponse> DescribeDBSnapshotsAsync(DescribeDBSnapshotsRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonRDSClient : AmazonServiceClient, IAmazonRDS
    {
        public AmazonRDSClient() : base((AWSCredentials)null!, new AmazonRDSConfig()) { }
        public AmazonRDSClient(RegionEndpoint region) : base((AWSCredentials)null!, new AmazonRDSConfig()) { }
        public AmazonRDSClient(AmazonRDSConfig config) : base((AWSCredentials)null!, config) { }
        public AmazonRDSClient(AWSCredentials credentials) : base(credentials, new AmazonRDSConfig()) { }
        public AmazonRDSClient(AWSCredentials credentials, RegionEndpoint region) : base(credentials, new AmazonRDSConfig()) { }
        public AmazonRDSClient(AWSCredentials credentials, AmazonRDSConfig clientConfig) : base(credentials, clientConfig) { }
        public AmazonRDSClient(string awsAccessKeyId, string awsSecretAccessKey) : base((AWSCredentials)null!, new AmazonRDSConfig()) { }
        public AmazonRDSClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region) : base((AWSCredentials)null!, new AmazonRDSConfig()) { }
        public AmazonRDSClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonRDSConfig clientConfig) : base((AWSCredentials)null!, clientConfig) { }
        public AmazonRDSClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken) : base((AWSCredentials)null!, new AmazonRDSConfig()) { }
        public AmazonRDSClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region) : base((AWSCredentials)null!, new AmazonRDSConfig()) { }
        public AmazonRDSClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonRDSConfig clientConfig) : base((AWSCredentials)null!, clientConfig) { }

        public static ClientConfig CreateDefaultClientConfig() => throw null!;
        public static IAmazonService CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;

        public virtual Task<CreateDBInstanceResponse> CreateDBInstanceAsync(CreateDBInstanceRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<CreateDBClusterResponse> CreateDBClusterAsync(CreateDBClusterRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<ModifyDBInstanceResponse> ModifyDBInstanceAsync(ModifyDBInstanceRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<CreateDBProxyResponse> CreateDBProxyAsync(CreateDBProxyRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<ModifyDBProxyResponse> ModifyDBProxyAsync(ModifyDBProxyRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<CopyDBSnapshotResponse> CopyDBSnapshotAsync(CopyDBSnapshotRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<RestoreDBInstanceFromDBSnapshotResponse> RestoreDBInstanceFromDBSnapshotAsync(RestoreDBInstanceFromDBSnapshotRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<RestoreDBClusterFromSnapshotResponse> RestoreDBClusterFromSnapshotAsync(RestoreDBClusterFromSnapshotRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<CreateDBInstanceReadReplicaResponse> CreateDBInstanceReadReplicaAsync(CreateDBInstanceReadReplicaRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task<DescribeDBSnapshotsResponse> DescribeDBSnapshotsAsync(DescribeDBSnapshotsRequest request, CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Amazon.RDS.Model
{
    public abstract class AmazonRDSRequest : AmazonWebServiceRequest { }

    public class CreateDBInstanceRequest : AmazonRDSRequest
    {
        public CreateDBInstanceRequest() { }
        public CreateDBInstanceRequest(string dbInstanceIdentifier, int? allocatedStorage, string dbInstanceClass, string engine, string masterUsername, string masterUserPassword) { }
        public string DBInstanceIdentifier { get; set; } = null!;
        public int? AllocatedStorage { get; set; }
        public string DBInstanceClass { get; set; } = null!;
        public string Engine { get; set; } = null!;
        public string DBClusterIdentifier { get; set; } = null!;
        public string DBSubnetGroupName { get; set; } = null!;
        public string MasterUsername { get; set; } = null!;
        public string MasterUserPassword { get; set; } = null!;
        public bool? ManageMasterUserPassword { get; set; }
        public string MasterUserSecretKmsKeyId { get; set; } = null!;
        public bool? StorageEncrypted { get; set; }
        public string KmsKeyId { get; set; } = null!;
        public bool? PubliclyAccessible { get; set; }
        public int? BackupRetentionPeriod { get; set; }
        public bool? MultiAZ { get; set; }
        public bool? DeletionProtection { get; set; }
        public bool? EnableIAMDatabaseAuthentication { get; set; }
    }

    public class CreateDBClusterRequest : AmazonRDSRequest
    {
        public string DBClusterIdentifier { get; set; } = null!;
        public string Engine { get; set; } = null!;
        public string MasterUsername { get; set; } = null!;
        public string MasterUserPassword { get; set; } = null!;
        public bool? ManageMasterUserPassword { get; set; }
        public string MasterUserSecretKmsKeyId { get; set; } = null!;
        public bool? StorageEncrypted { get; set; }
        public string KmsKeyId { get; set; } = null!;
        public bool? PubliclyAccessible { get; set; }
        public int? BackupRetentionPeriod { get; set; }
        public bool? DeletionProtection { get; set; }
        public bool? EnableIAMDatabaseAuthentication { get; set; }
    }

    public class ModifyDBInstanceRequest : AmazonRDSRequest
    {
        public ModifyDBInstanceRequest() { }
        public ModifyDBInstanceRequest(string dbInstanceIdentifier) { }
        public string DBInstanceIdentifier { get; set; } = null!;
        public bool? ApplyImmediately { get; set; }
        public string MasterUserPassword { get; set; } = null!;
        public bool? ManageMasterUserPassword { get; set; }
        public bool? RotateMasterUserPassword { get; set; }
        public string MasterUserSecretKmsKeyId { get; set; } = null!;
        public bool? PubliclyAccessible { get; set; }
        public int? BackupRetentionPeriod { get; set; }
        public bool? MultiAZ { get; set; }
        public bool? DeletionProtection { get; set; }
        public bool? EnableIAMDatabaseAuthentication { get; set; }
    }

    public class DeleteDBInstanceRequest : AmazonRDSRequest
    {
        public DeleteDBInstanceRequest() { }
        public DeleteDBInstanceRequest(string dbInstanceIdentifier) { }
        public string DBInstanceIdentifier { get; set; } = null!;
        public bool? SkipFinalSnapshot { get; set; }
        public string FinalDBSnapshotIdentifier { get; set; } = null!;
    }

    public class RestoreDBInstanceFromDBSnapshotRequest : AmazonRDSRequest
    {
        public RestoreDBInstanceFromDBSnapshotRequest() { }
        public RestoreDBInstanceFromDBSnapshotRequest(string dbInstanceIdentifier, string dbSnapshotIdentifier) { }
        public string DBInstanceIdentifier { get; set; } = null!;
        public string DBSnapshotIdentifier { get; set; } = null!;
        public string DBInstanceClass { get; set; } = null!;
        public bool? ManageMasterUserPassword { get; set; }
        public string MasterUserSecretKmsKeyId { get; set; } = null!;
        public bool? PubliclyAccessible { get; set; }
        public int? BackupRetentionPeriod { get; set; }
        public bool? MultiAZ { get; set; }
        public bool? DeletionProtection { get; set; }
        public bool? EnableIAMDatabaseAuthentication { get; set; }
    }

    public class RestoreDBClusterFromSnapshotRequest : AmazonRDSRequest
    {
        public string DBClusterIdentifier { get; set; } = null!;
        public string SnapshotIdentifier { get; set; } = null!;
        public string Engine { get; set; } = null!;
        public string KmsKeyId { get; set; } = null!;
        public bool? PubliclyAccessible { get; set; }
        public int? BackupRetentionPeriod { get; set; }
        public bool? DeletionProtection { get; set; }
        public bool? EnableIAMDatabaseAuthentication { get; set; }
    }

    public class CreateDBInstanceReadReplicaRequest : AmazonRDSRequest
    {
        public CreateDBInstanceReadReplicaRequest() { }
        public CreateDBInstanceReadReplicaRequest(string dbInstanceIdentifier, string sourceDBInstanceIdentifier) { }
        public string DBInstanceIdentifier { get; set; } = null!;
        public string SourceDBInstanceIdentifier { get; set; } = null!;
        public string KmsKeyId { get; set; } = null!;
        public bool? PubliclyAccessible { get; set; }
        public bool? MultiAZ { get; set; }
        public bool? DeletionProtection { get; set; }
        public bool? EnableIAMDatabaseAuthentication { get; set; }
    }

    public class CopyDBSnapshotRequest : AmazonRDSRequest
    {
        public string SourceDBSnapshotIdentifier { get; set; } = null!;
        public string TargetDBSnapshotIdentifier { get; set; } = null!;
        public string KmsKeyId { get; set; } = null!;
        public bool? CopyTags { get; set; }
        public string PreSignedUrl { get; set; } = null!;
        public string SourceRegion { get; set; } = null!;
    }

    public class UserAuthConfig
    {
        public string Description { get; set; } = null!;
        public IAMAuthMode IAMAuth { get; set; } = null!;
        public string SecretArn { get; set; } = null!;
        public string UserName { get; set; } = null!;
    }

    public class CreateDBProxyRequest : AmazonRDSRequest
    {
        public string DBProxyName { get; set; } = null!;
        public string EngineFamily { get; set; } = null!;
        public List<UserAuthConfig> Auth { get; set; } = null!;
        public string RoleArn { get; set; } = null!;
        public List<string> VpcSubnetIds { get; set; } = null!;
        public List<string> VpcSecurityGroupIds { get; set; } = null!;
        public bool? RequireTLS { get; set; }
        public int? IdleClientTimeout { get; set; }
        public bool? DebugLogging { get; set; }
    }

    public class ModifyDBProxyRequest : AmazonRDSRequest
    {
        public string DBProxyName { get; set; } = null!;
        public List<UserAuthConfig> Auth { get; set; } = null!;
        public bool? RequireTLS { get; set; }
        public int? IdleClientTimeout { get; set; }
        public bool? DebugLogging { get; set; }
    }

    public class DescribeDBInstancesRequest : AmazonRDSRequest
    {
        public string DBInstanceIdentifier { get; set; } = null!;
    }

    public class DescribeDBSnapshotsRequest : AmazonRDSRequest
    {
        public string DBInstanceIdentifier { get; set; } = null!;
        public string DBSnapshotIdentifier { get; set; } = null!;
    }

    /// <summary>Describe-response shape: reading these flags is never a setting.</summary>
    public class DBInstance
    {
        public string DBInstanceIdentifier { get; set; } = null!;
        public bool? StorageEncrypted { get; set; }
        public bool? PubliclyAccessible { get; set; }
        public bool? MultiAZ { get; set; }
        public bool? DeletionProtection { get; set; }
    }

    public class DBSnapshot
    {
        public string DBSnapshotIdentifier { get; set; } = null!;
        public bool? Encrypted { get; set; }
        public string KmsKeyId { get; set; } = null!;
    }

    public class DBCluster
    {
        public string DBClusterIdentifier { get; set; } = null!;
    }

    public class DBProxy
    {
        public string DBProxyName { get; set; } = null!;
    }

    public class CreateDBInstanceResponse : AmazonWebServiceResponse { public DBInstance DBInstance { get; set; } = null!; }
    public class CreateDBClusterResponse : AmazonWebServiceResponse { public DBCluster DBCluster { get; set; } = null!; }
    public class ModifyDBInstanceResponse : AmazonWebServiceResponse { public DBInstance DBInstance { get; set; } = null!; }
    public class DeleteDBInstanceResponse : AmazonWebServiceResponse { public DBInstance DBInstance { get; set; } = null!; }
    public class RestoreDBInstanceFromDBSnapshotResponse : AmazonWebServiceResponse { public DBInstance DBInstance { get; set; } = null!; }
    public class RestoreDBClusterFromSnapshotResponse : AmazonWebServiceResponse { public DBCluster DBCluster { get; set; } = null!; }
    public class CreateDBInstanceReadReplicaResponse : AmazonWebServiceResponse { public DBInstance DBInstance { get; set; } = null!; }
    public class CreateDBProxyResponse : AmazonWebServiceResponse { public DBProxy DBProxy { get; set; } = null!; }
    public class ModifyDBProxyResponse : AmazonWebServiceResponse { public DBProxy DBProxy { get; set; } = null!; }
    public class CopyDBSnapshotResponse : AmazonWebServiceResponse { public DBSnapshot DBSnapshot { get; set; } = null!; }
    public class DescribeDBInstancesResponse : AmazonWebServiceResponse { public List<DBInstance> DBInstances { get; set; } = null!; }
    public class DescribeDBSnapshotsResponse : AmazonWebServiceResponse { public List<DBSnapshot> DBSnapshots { get; set; } = null!; }
}

namespace Amazon.RDS.Util
{
    public static class RDSAuthTokenGenerator
    {
        public static string GenerateAuthToken(string hostname, int port, string dbUser) => throw null!;
        public static string GenerateAuthToken(RegionEndpoint region, string hostname, int port, string dbUser) => throw null!;
        public static string GenerateAuthToken(AWSCredentials credentials, string hostname, int port, string dbUser) => throw null!;
        public static string GenerateAuthToken(AWSCredentials credentials, RegionEndpoint region, string hostname, int port, string dbUser) => throw null!;
        public static Task<string> GenerateAuthTokenAsync(string hostname, int port, string dbUser) => throw null!;
        public static Task<string> GenerateAuthTokenAsync(RegionEndpoint region, string hostname, int port, string dbUser) => throw null!;
        public static Task<string> GenerateAuthTokenAsync(AWSCredentials credentials, string hostname, int port, string dbUser) => throw null!;
        public static Task<string> GenerateAuthTokenAsync(AWSCredentials credentials, RegionEndpoint region, string hostname, int port, string dbUser) => throw null!;
    }
}
