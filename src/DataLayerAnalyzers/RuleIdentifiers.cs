namespace DataLayerAnalyzers
{
    /// <summary>The ID of every rule, named after the rule. IDs never change once shipped.</summary>
    internal static class RuleIdentifiers
    {
        // 1xxx DynamoDB access patterns
        public const string UseQueryInsteadOfScan = "DLA1001";
        public const string AvoidFullTableScan = "DLA1002";
        public const string ReadAllResultPages = "DLA1003";
        public const string HandleUnprocessedBatchItems = "DLA1004";
        public const string DoNotReadConsistentlyFromGsi = "DLA1005";

        // 2xxx Credentials
        public const string DoNotHardCodeAwsCredentials = "DLA2001";
        public const string DoNotHardCodeDatabasePasswords = "DLA2002";
        public const string DoNotStoreSecretsInConfigurationFiles = "DLA2003";
        public const string UseManagedMasterUserPassword = "DLA2004";

        // 3xxx Encryption
        public const string RequireTlsForDatabaseConnections = "DLA3001";
        public const string ValidateDatabaseServerCertificate = "DLA3002";
        public const string UseHttpsForAwsEndpoints = "DLA3003";
        public const string EncryptRdsStorage = "DLA3004";
        public const string RequireTlsOnRdsProxy = "DLA3005";
        public const string VerifyDatabaseServerIdentity = "DLA3006";
        public const string UseCustomerManagedKeyForDynamoDb = "DLA3007";

        // 4xxx Connection pooling and client lifetime
        public const string DoNotDisableConnectionPooling = "DLA4001";
        public const string ReuseAwsServiceClients = "DLA4002";
        public const string ReuseDataSourcesAndMultiplexers = "DLA4003";
        public const string DisposeDatabaseConnections = "DLA4004";
        public const string UseRdsProxyFromLambda = "DLA4005";

        // 5xxx Durability and availability
        public const string EnableAutomatedBackups = "DLA5001";
        public const string DoNotMakeDatabasesPublic = "DLA5002";
        public const string EnableDeletionProtection = "DLA5003";
        public const string ConsiderMultiAz = "DLA5004";
        public const string EnableIamDatabaseAuthentication = "DLA5005";
        public const string EnablePointInTimeRecovery = "DLA5006";
    }
}
