using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.RDS;
using Amazon.RDS.Model;

namespace Provisioning;

/// <summary>Provisions the data layer of one tenant. Each step shows one or more provisioning rules.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "--apply")
        {
            Console.WriteLine("Usage: Provisioning --apply <tenant>   (creates RDS and DynamoDB resources in the current account)");
            return 0;
        }

        var tenant = args.Length > 1 ? args[1] : "demo";
        using var rds = new AmazonRDSClient();
        using var dynamo = new AmazonDynamoDBClient();
        var provisioner = new TenantProvisioner(rds, dynamo);
        await provisioner.ProvisionAsync(tenant);
        return 0;
    }
}

public sealed class TenantProvisioner
{
    private const string AdminUser = "app_admin";
    private readonly IAmazonRDS _rds;
    private readonly IAmazonDynamoDB _dynamo;

    public TenantProvisioner(IAmazonRDS rds, IAmazonDynamoDB dynamo)
    {
        _rds = rds;
        _dynamo = dynamo;
    }

    public async Task ProvisionAsync(string tenant)
    {
        await CreateDatabaseAsync(tenant);
        await CreateAnalyticsClusterAsync(tenant);
        await CreateProxyAsync(tenant);
        await CreateOrdersTableAsync(tenant);
        await EncryptLegacySnapshotAsync(tenant + "-legacy");
    }

    // DLA2004 (literal master password), DLA3004 (never encrypted), DLA5001 (backups off),
    // DLA5002 (public), DLA5004 (single AZ), DLA5005 (no IAM authentication).
    private async Task CreateDatabaseAsync(string tenant)
    {
        var request = new CreateDBInstanceRequest(tenant + "-db", 20, "db.t4g.micro", "postgres", AdminUser, "Chang3-Me-Later!")
        {
            DBSubnetGroupName = "default",
            PubliclyAccessible = true,
            MultiAZ = false,
        };
        request.BackupRetentionPeriod = 0;
        await _rds.CreateDBInstanceAsync(request);
    }

    // DLA5003 (deletion protection off); the Aurora cluster itself is encrypted by default and not reported by DLA3004.
    private async Task CreateAnalyticsClusterAsync(string tenant)
    {
        await _rds.CreateDBClusterAsync(new CreateDBClusterRequest
        {
            DBClusterIdentifier = tenant + "-analytics",
            Engine = "aurora-postgresql",
            MasterUsername = AdminUser,
            ManageMasterUserPassword = true,
            BackupRetentionPeriod = 14,
            DeletionProtection = false,
            EnableIAMDatabaseAuthentication = true,
        });
    }

    // DLA3005: the proxy accepts clients without TLS.
    private async Task CreateProxyAsync(string tenant)
    {
        await _rds.CreateDBProxyAsync(new CreateDBProxyRequest
        {
            DBProxyName = tenant + "-proxy",
            EngineFamily = "POSTGRESQL",
            RoleArn = "arn:aws:iam::123456789012:role/rds-proxy",
            VpcSubnetIds = new List<string> { "subnet-private-a", "subnet-private-b" },
            Auth = new List<UserAuthConfig>
            {
                new UserAuthConfig { IAMAuth = IAMAuthMode.REQUIRED, SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:proxy" },
            },
        });
    }

    // DLA3007 (AWS owned key), DLA5003 (deletion protection off), DLA5006 (PITR turned off).
    private async Task CreateOrdersTableAsync(string tenant)
    {
        var table = tenant + "-orders";
        await _dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = new List<KeySchemaElement> { new KeySchemaElement("OrderId", KeyType.HASH) },
            AttributeDefinitions = new List<AttributeDefinition> { new AttributeDefinition("OrderId", ScalarAttributeType.S) },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            DeletionProtectionEnabled = false,
        });

        await _dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = table,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = false },
        });
    }

    // DLA3004: the copy of an unencrypted snapshot is the moment to encrypt it, but no KMS key is given.
    private async Task EncryptLegacySnapshotAsync(string snapshotId)
    {
        var response = await _rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBSnapshotIdentifier = snapshotId });
        foreach (var snapshot in response.DBSnapshots)
        {
            if (snapshot.Encrypted == false)
            {
                await _rds.CopyDBSnapshotAsync(new CopyDBSnapshotRequest
                {
                    SourceDBSnapshotIdentifier = snapshot.DBSnapshotIdentifier,
                    TargetDBSnapshotIdentifier = snapshotId + "-encrypted",
                });
            }
        }
    }
}
