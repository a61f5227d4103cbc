using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers
{
    /// <summary>Every descriptor of the package, built by one factory.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string HelpLinkBase = "https://github.com/datalayeranalyzers/DataLayerAnalyzers/blob/main/docs/rules/";

        internal static class Categories
        {
            public const string Performance = "Performance";
            public const string Reliability = "Reliability";
            public const string Security = "Security";
        }

        // ---- 1xxx DynamoDB access patterns ----
        public static readonly DiagnosticDescriptor UseQueryInsteadOfScan = Create(
            RuleIdentifiers.UseQueryInsteadOfScan,
            "Use Query instead of Scan when the partition key is known",
            // {1} is "table 'T'" or "global secondary index 'I' of table 'T'"; {2} is "" or "on index 'I' " (DLA1001's analyzer builds both).
            "This Scan requires partition key '{0}' of {1} to equal a value: use Query {2}with a key condition so only the matching items are read",
            Categories.Performance, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor AvoidFullTableScan = Create(
            RuleIdentifiers.AvoidFullTableScan,
            "Avoid full table scans on request paths",
            "This Scan reads every item of the table ({0}): model the access pattern as a key or a global secondary index and use Query",
            Categories.Performance, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor ReadAllResultPages = Create(
            RuleIdentifiers.ReadAllResultPages,
            "Read all result pages",
            "Only the first page of this {0} is read: {1} so no items are silently missed",
            Categories.Reliability, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor HandleUnprocessedBatchItems = Create(
            RuleIdentifiers.HandleUnprocessedBatchItems,
            "Handle unprocessed batch items",
            "{0} of this {1} call is never read: items DynamoDB did not process under throttling are silently lost",
            Categories.Reliability, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DoNotReadConsistentlyFromGsi = Create(
            RuleIdentifiers.DoNotReadConsistentlyFromGsi,
            "Do not request strongly consistent reads from a global secondary index",
            "'{0}' is a global secondary index, which serves only eventually consistent reads: ConsistentRead = true makes this {1} fail with a ValidationException; remove it",
            Categories.Reliability, DiagnosticSeverity.Warning);

        // ---- 2xxx Credentials ----
        public static readonly DiagnosticDescriptor DoNotHardCodeAwsCredentials = Create(
            RuleIdentifiers.DoNotHardCodeAwsCredentials,
            "Do not hard-code AWS credentials",
            "Hard-coded {0}: let the SDK use the default credential chain (IAM role, environment, profile) instead of keys in code",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DoNotHardCodeDatabasePasswords = Create(
            RuleIdentifiers.DoNotHardCodeDatabasePasswords,
            "Do not hard-code database passwords",
            "'{0}' is set to a literal password: use IAM database authentication, Secrets Manager or the environment instead",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DoNotStoreSecretsInConfigurationFiles = Create(
            RuleIdentifiers.DoNotStoreSecretsInConfigurationFiles,
            "Do not store secrets in configuration files",
            "{0} is stored in '{1}': keep it in Secrets Manager or use IAM authentication",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UseManagedMasterUserPassword = Create(
            RuleIdentifiers.UseManagedMasterUserPassword,
            "Use a managed master user password",
            "{0} is a literal: {1}",
            Categories.Security, DiagnosticSeverity.Warning);

        // ---- 3xxx Encryption ----
        public static readonly DiagnosticDescriptor RequireTlsForDatabaseConnections = Create(
            RuleIdentifiers.RequireTlsForDatabaseConnections,
            "Require TLS for database connections",
            "{0} lets the connection run unencrypted: use {1}",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ValidateDatabaseServerCertificate = Create(
            RuleIdentifiers.ValidateDatabaseServerCertificate,
            "Validate the database server certificate",
            "{0} switches off certificate validation: the client would trust any server that answers",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UseHttpsForAwsEndpoints = Create(
            RuleIdentifiers.UseHttpsForAwsEndpoints,
            "Use HTTPS for AWS endpoints",
            "{0} sends AWS requests over plain HTTP: use HTTPS",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor EncryptRdsStorage = Create(
            RuleIdentifiers.EncryptRdsStorage,
            "Encrypt RDS storage",
            "{0} leaves the database storage unencrypted: {1}",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor RequireTlsOnRdsProxy = Create(
            RuleIdentifiers.RequireTlsOnRdsProxy,
            "Require TLS on RDS Proxy",
            "{0} does not require TLS for client connections: set {1} = true",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor VerifyDatabaseServerIdentity = Create(
            RuleIdentifiers.VerifyDatabaseServerIdentity,
            "Verify the database server identity",
            "'{0}' encrypts but never checks the server certificate: use {1}",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UseCustomerManagedKeyForDynamoDb = Create(
            RuleIdentifiers.UseCustomerManagedKeyForDynamoDb,
            "Use a KMS key for DynamoDB table encryption",
            "{0} keeps the AWS owned encryption key: {1}",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: false);

        // ---- 4xxx Connection pooling and client lifetime ----
        public static readonly DiagnosticDescriptor DoNotDisableConnectionPooling = Create(
            RuleIdentifiers.DoNotDisableConnectionPooling,
            "Do not disable connection pooling",
            "'{0}' disables connection pooling: every open creates a new physical connection to the database",
            Categories.Performance, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ReuseAwsServiceClients = Create(
            RuleIdentifiers.ReuseAwsServiceClients,
            "Reuse AWS service clients",
            "{0} is created {1}: create it once and reuse it",
            Categories.Performance, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ReuseDataSourcesAndMultiplexers = Create(
            RuleIdentifiers.ReuseDataSourcesAndMultiplexers,
            "Reuse data sources and connection multiplexers",
            "{0} creates a connection pool {1}: create it once and reuse it",
            Categories.Performance, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DisposeDatabaseConnections = Create(
            RuleIdentifiers.DisposeDatabaseConnections,
            "Dispose database connections",
            "Connection '{0}' is not disposed on every path: use a using declaration so it goes back to the pool",
            Categories.Reliability, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UseRdsProxyFromLambda = Create(
            RuleIdentifiers.UseRdsProxyFromLambda,
            "Connect serverless functions to RDS through RDS Proxy",
            "This Lambda function connects straight to the database endpoint '{0}': every concurrent execution opens its own connections; connect to an RDS Proxy endpoint so they share a pool",
            Categories.Performance, DiagnosticSeverity.Info);

        // ---- 5xxx Durability and availability ----
        public static readonly DiagnosticDescriptor EnableAutomatedBackups = Create(
            RuleIdentifiers.EnableAutomatedBackups,
            "Enable automated backups",
            "BackupRetentionPeriod {0} on this {1} {2}: keep automated backups for at least {3} day(s)",
            Categories.Reliability, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DoNotMakeDatabasesPublic = Create(
            RuleIdentifiers.DoNotMakeDatabasesPublic,
            "Do not make databases publicly accessible",
            "{0} gives the database a public address: keep it private",
            Categories.Security, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor EnableDeletionProtection = Create(
            RuleIdentifiers.EnableDeletionProtection,
            "Enable deletion protection",
            "{0} = false on this {1} lets the data be deleted by a single call: enable deletion protection",
            Categories.Reliability, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ConsiderMultiAz = Create(
            RuleIdentifiers.ConsiderMultiAz,
            "Consider a Multi-AZ deployment",
            "{0}: a single-AZ instance has no standby to fail over to",
            Categories.Reliability, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor EnableIamDatabaseAuthentication = Create(
            RuleIdentifiers.EnableIamDatabaseAuthentication,
            "Enable IAM database authentication",
            "{0} does not enable IAM database authentication: set {1} = true",
            Categories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: false);

        public static readonly DiagnosticDescriptor EnablePointInTimeRecovery = Create(
            RuleIdentifiers.EnablePointInTimeRecovery,
            "Enable point-in-time recovery",
            "{0}: the table cannot be restored to a point in time",
            Categories.Reliability, DiagnosticSeverity.Warning);

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity defaultSeverity,
            bool isEnabledByDefault = true)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                defaultSeverity,
                isEnabledByDefault,
                description: null,
                helpLinkUri: HelpLinkBase + id + ".md");
        }
    }
}
