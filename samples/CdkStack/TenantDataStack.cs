using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Constructs;

namespace CdkStack
{
    /// <summary>
    /// A tenant's data layer: a PostgreSQL instance with a proxy, an Aurora cluster, two DynamoDB tables and a raw
    /// CloudFormation instance. Each deliberate mistake is marked with the rule that reports it; the recommended code sits
    /// beside it.
    /// </summary>
    public sealed class TenantDataStack : Stack
    {
        public TenantDataStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            var vpc = new Vpc(this, "Vpc");

            // DLA3004: CDK leaves the storage unencrypted (no StorageEncrypted, no key).
            // DLA5004: single-AZ, CDK's default.  DLA5005: no IAM database authentication.
            // DLA2004: the master password is a literal and lands in the CloudFormation template.
            // DLA5002: public subnets make CDK set PubliclyAccessible = true.
            var ledger = new DatabaseInstance(this, "Ledger", new DatabaseInstanceProps
            {
                Engine = DatabaseInstanceEngine.POSTGRES,
                InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO),
                Vpc = vpc,
                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
                Credentials = Credentials.FromPassword("ledger_admin", SecretValue.UnsafePlainText("Ledger-2024!")),
                BackupRetention = Duration.Days(0),   // DLA5001: automated backups off
                DeletionProtection = false,           // DLA5003
            });

            // DLA3005: the proxy accepts plain-text connections.
            ledger.AddProxy("LedgerProxy", new DatabaseProxyOptions
            {
                Secrets = new[] { ledger.Secret! },
                Vpc = vpc,
                RequireTLS = false,
            });

            // Recommended: encrypted, Multi-AZ, IAM authentication, a generated secret, private subnets, a week of backups.
            new DatabaseInstance(this, "Audit", new DatabaseInstanceProps
            {
                Engine = DatabaseInstanceEngine.POSTGRES,
                Vpc = vpc,
                StorageEncrypted = true,
                MultiAz = true,
                IamAuthentication = true,
                Credentials = Credentials.FromGeneratedSecret("audit_admin"),
                BackupRetention = Duration.Days(7),
                DeletionProtection = true,
            });

            // Aurora: encrypted by default when omitted, so DLA3004 stays silent; DLA5005 reports the missing IAM authentication.
            new DatabaseCluster(this, "Reporting", new DatabaseClusterProps
            {
                Engine = DatabaseClusterEngine.AURORA_POSTGRESQL,
                Vpc = vpc,
                Writer = ClusterInstance.ServerlessV2("writer", new ServerlessV2ClusterInstanceProps { PubliclyAccessible = true }), // DLA5002
                DeletionProtection = true,
            });

            // DLA5006: CDK leaves point-in-time recovery off.  DLA3007: the AWS owned key.
            new Table(this, "Telemetry", new TableProps
            {
                PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "DeviceId", Type = AttributeType.STRING },
                SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "Timestamp", Type = AttributeType.NUMBER },
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });

            // Recommended table: point-in-time recovery, a customer managed key (CDK creates it), deletion protection.
            new Table(this, "Tenants", new TableProps
            {
                PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "TenantId", Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                PointInTimeRecovery = true,
                Encryption = TableEncryption.CUSTOMER_MANAGED,
                DeletionProtection = true,
            });

            // L1: CloudFormation's own defaults apply. DLA3004 (no StorageEncrypted), DLA2004 (literal MasterUserPassword).
            new CfnDBInstance(this, "Legacy", new CfnDBInstanceProps
            {
                Engine = "mysql",
                DbInstanceClass = "db.t3.micro",
                AllocatedStorage = "20",
                MasterUsername = "legacy_admin",
                MasterUserPassword = "Legacy-2019!",
                MultiAz = true,
                EnableIamDatabaseAuthentication = true,
            });
        }
    }
}
