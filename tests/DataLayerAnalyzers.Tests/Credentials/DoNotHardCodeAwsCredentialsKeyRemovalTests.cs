using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Credentials.DoNotHardCodeAwsCredentialsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Credentials
{
    /// <summary>
    /// The DLA2001 fix also deletes the fields, constants and locals that held the keys once nothing else uses them.
    /// The keys below are random strings of the right shape, not real credentials.
    /// </summary>
    public class DoNotHardCodeAwsCredentialsKeyRemovalTests
    {
        [Fact]
        public async Task PrivateConstantsOfTheClient_AreDeleted_Fixes()
        {
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>("""
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    private const string AccessKey = "AKIAUJZDE8GXD6NCF10E";
                    private const string SecretKey = [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|];
                    private static readonly RegionEndpoint Region = RegionEndpoint.EUWest1;

                    public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient(AccessKey, SecretKey, Region);
                }
                """, """
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    private static readonly RegionEndpoint Region = RegionEndpoint.EUWest1;

                    public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient(Region);
                }
                """, DoNotHardCodeAwsCredentialsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task KeysOnTheirOwnLines_KeptArgumentKeepsItsLine_Fixes()
        {
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>("""
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient(
                        "AKIAUJZDE8GXD6NCF10E",
                        [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|],
                        RegionEndpoint.EUWest1);
                }
                """, """
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    public static IAmazonDynamoDB Create() => new AmazonDynamoDBClient(
                        RegionEndpoint.EUWest1);
                }
                """, DoNotHardCodeAwsCredentialsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task LocalsOfBasicCredentials_AreDeleted_Fixes()
        {
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>("""
                using Amazon.DynamoDBv2;
                using Amazon.Runtime;
                using Amazon.Runtime.Credentials;

                public class Clients
                {
                    public static IAmazonDynamoDB Create()
                    {
                        var id = "AKIAUJZDE8GXD6NCF10E";
                        string secret = [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|], label = "ledger";
                        var credentials = new BasicAWSCredentials(id, secret);
                        System.Console.WriteLine(label);
                        return new AmazonDynamoDBClient(credentials);
                    }
                }
                """, """
                using Amazon.DynamoDBv2;
                using Amazon.Runtime;
                using Amazon.Runtime.Credentials;

                public class Clients
                {
                    public static IAmazonDynamoDB Create()
                    {
                        string label = "ledger";
                        var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
                        System.Console.WriteLine(label);
                        return new AmazonDynamoDBClient(credentials);
                    }
                }
                """, DoNotHardCodeAwsCredentialsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task ConstantBuiltFromAnotherConstant_BothDeleted_Fixes()
        {
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>("""
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    private const string SecretHead = [|"El2hpChYgCfrL1spNxny"|];
                    private const string Secret = SecretHead + "VmihA+2O76UMFxFkM+R5";

                    public IAmazonDynamoDB Create() => new AmazonDynamoDBClient("AKIAUJZDE8GXD6NCF10E", Secret);
                }
                """, """
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    public IAmazonDynamoDB Create() => new AmazonDynamoDBClient();
                }
                """, DoNotHardCodeAwsCredentialsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task HolderUsedElsewhere_IsKept_Fixes()
        {
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>("""
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    private const string AccessKey = "AKIAUJZDE8GXD6NCF10E";
                    private static readonly string Secret = [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|];

                    public IAmazonDynamoDB Create() => new AmazonDynamoDBClient(AccessKey, Secret);

                    public string Describe() => "key " + AccessKey;
                }
                """, """
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    private const string AccessKey = "AKIAUJZDE8GXD6NCF10E";

                    public IAmazonDynamoDB Create() => new AmazonDynamoDBClient();

                    public string Describe() => "key " + AccessKey;
                }
                """, DoNotHardCodeAwsCredentialsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task TwoClientsSharingTheKeys_FixAll_DeletesThemOnce()
        {
            var test = new CodeFixTest<DoNotHardCodeAwsCredentialsAnalyzer, DoNotHardCodeAwsCredentialsFixer>
            {
                TestCode = """
                    using Amazon;
                    using Amazon.DynamoDBv2;
                    using Amazon.Runtime;

                    public class Clients
                    {
                        private static readonly string KeyId = "AKIAUJZDE8GXD6NCF10E";
                        private static readonly string Secret = [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|];
                        private static readonly string OtherSecret = [|"+6ilI8ihN5KXSc7Tvo+hBKqFYY+kv5ZJr3J1TWDt"|];

                        public IAmazonDynamoDB A() => new AmazonDynamoDBClient(KeyId, Secret, RegionEndpoint.EUWest1);
                        public AWSCredentials B() => new BasicAWSCredentials(KeyId, OtherSecret);
                    }
                    """,
                FixedCode = """
                    using Amazon;
                    using Amazon.DynamoDBv2;
                    using Amazon.Runtime;
                    using Amazon.Runtime.Credentials;

                    public class Clients
                    {
                        public IAmazonDynamoDB A() => new AmazonDynamoDBClient(RegionEndpoint.EUWest1);
                        public AWSCredentials B() => DefaultAWSCredentialsIdentityResolver.GetCredentials();
                    }
                    """,
                CodeActionEquivalenceKey = DoNotHardCodeAwsCredentialsFixer.EquivalenceKey,
            };
            await test.RunAsync();
        }
    }
}
