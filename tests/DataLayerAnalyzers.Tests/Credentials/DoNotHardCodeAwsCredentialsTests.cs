using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Credentials.DoNotHardCodeAwsCredentialsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Credentials
{
    /// <summary>The keys below are random strings of the right shape, not real credentials.</summary>
    public class DoNotHardCodeAwsCredentialsTests
    {
        private const string KeyId = "AKIAUJZDE8GXD6NCF10E";
        private const string Secret = "El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5";

        [Fact]
        public async Task BasicCredentialsWithLiterals_ReportsAtSecret()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Amazon.Runtime;

                public class Clients
                {
                    public static IAmazonDynamoDB Create()
                    {
                        var credentials = new BasicAWSCredentials("AKIAUJZDE8GXD6NCF10E", {|#0:"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|});
                        return new AmazonDynamoDBClient(credentials);
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA2001").WithLocation(0).WithArguments("AWS secret access key"));
        }

        [Fact]
        public async Task ClientConstructorThroughConstants_ReportsWhereWritten()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.SecretsManager;

                public static class Keys
                {
                    public const string AccessKey = "AKIAUJZDE8GXD6NCF10E";
                    public const string SecretKey = [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|];
                    public static readonly string OtherSecret = [|"+6ilI8ihN5KXSc7Tvo+hBKqFYY+kv5ZJr3J1TWDt"|];
                }

                public class Clients
                {
                    public static IAmazonDynamoDB A() => new AmazonDynamoDBClient(Keys.AccessKey, Keys.SecretKey, RegionEndpoint.EUWest1);
                    public static IAmazonDynamoDB B() => new AmazonDynamoDBClient(Keys.AccessKey, Keys.SecretKey);
                    public static IAmazonSecretsManager C() => new AmazonSecretsManagerClient(Keys.AccessKey, Keys.OtherSecret, new AmazonSecretsManagerConfig());
                }
                """);
        }

        [Fact]
        public async Task SessionTokenOverloadAndLocals_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    public static IAmazonDynamoDB Create(string token)
                    {
                        var secret = [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|];
                        return new AmazonDynamoDBClient("ASIASEH60KVJ50CE9UVW", secret, token, RegionEndpoint.USEast1);
                    }
                }
                """);
        }

        [Fact]
        public async Task AccessKeyIdOnly_ReportsTheKeyIdShape()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using Amazon.Runtime;

                public class Clients
                {
                    public static AWSCredentials Temporary() =>
                        new SessionAWSCredentials({|#0:"ASIASEH60KVJ50CE9UVW"|}, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")!, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN")!);

                    public static AWSCredentials LongTerm() =>
                        new BasicAWSCredentials({|#1:"AKIAUJZDE8GXD6NCF10E"|}, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")!);
                }
                """,
                VerifyCS.Diagnostic("DLA2001").WithLocation(0).WithArguments("AWS access key ID (ASIA…)"),
                VerifyCS.Diagnostic("DLA2001").WithLocation(1).WithArguments("AWS access key ID (AKIA…)"));
        }

        [Fact]
        public async Task PlaceholdersExamplesAndConfiguration_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using Amazon.DynamoDBv2;
                using Amazon.Runtime;
                using Microsoft.Extensions.Configuration;

                public class Clients
                {
                    // AWS's documented example keys.
                    public static AWSCredentials Docs() => new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

                    // DynamoDB Local accepts any value.
                    public static IAmazonDynamoDB Local() => new AmazonDynamoDBClient("fake", "dummy", new AmazonDynamoDBConfig { ServiceURL = "http://localhost:8000" });
                    public static IAmazonDynamoDB Local2() => new AmazonDynamoDBClient("fakeMyKeyId", "fakeSecretAccessKey", new AmazonDynamoDBConfig { ServiceURL = "http://localhost:8000" });
                    public static IAmazonDynamoDB Empty() => new AmazonDynamoDBClient("", "", new AmazonDynamoDBConfig());
                    public static AWSCredentials Placeholder() => new BasicAWSCredentials("AKIAXXXXXXXXXXXXXXXX".ToLowerInvariant(), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");

                    // Values from the environment or configuration.
                    public static AWSCredentials FromEnvironment() => new BasicAWSCredentials(
                        Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")!, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")!);
                    public static AWSCredentials FromConfiguration(IConfiguration configuration) => new BasicAWSCredentials(configuration["Aws:KeyId"]!, configuration["Aws:Secret"]!);
                    public static AWSCredentials Partly(string suffix) => new BasicAWSCredentials(Environment.GetEnvironmentVariable("K")!, "El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFk" + suffix);

                    // Key-shaped strings that never reach a credentials parameter.
                    public const string NotUsed = "El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5";
                    public static string Label() => "AKIAUJZDE8GXD6NCF10E";
                }
                """);
        }

        [Fact]
        public async Task Message_NeverContainsTheKey()
        {
            var source = $$"""
                using Amazon.Runtime;
                public class C
                {
                    public AWSCredentials A() => new BasicAWSCredentials("{{KeyId}}", "{{Secret}}");
                    public AWSCredentials B() => new BasicAWSCredentials("{{KeyId}}", System.Environment.GetEnvironmentVariable("S")!);
                }
                """;
            var compilation = CSharpCompilation.Create(
                "Secrets",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.Get(ReferenceSet.All),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var diagnostics = await AnalyzerRunner.RunAsync(
                compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), ImmutableArray.Create<DiagnosticAnalyzer>(new DoNotHardCodeAwsCredentialsAnalyzer()), default);
            var messages = diagnostics.Where(d => d.Id == "DLA2001").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(2, messages.Count);
            foreach (var message in messages)
            {
                Assert.DoesNotContain(Secret, message);
                Assert.DoesNotContain(KeyId, message);
                Assert.DoesNotContain(Secret.Substring(0, 8), message);
                Assert.DoesNotContain(KeyId.Substring(4, 8), message);
            }
        }

        [Fact]
        public async Task ClientOverloads_Fix()
        {
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>("""
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    public static IAmazonDynamoDB A() => new AmazonDynamoDBClient("AKIAUJZDE8GXD6NCF10E", [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|], RegionEndpoint.EUWest1);
                    public static IAmazonDynamoDB B() => new AmazonDynamoDBClient("AKIAUJZDE8GXD6NCF10E", [|"+6ilI8ihN5KXSc7Tvo+hBKqFYY+kv5ZJr3J1TWDt"|], new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.EUWest1 });
                    public static IAmazonDynamoDB C() => new AmazonDynamoDBClient([|"AKIAUJZDE8GXD6NCF10E"|], "fake");
                }
                """, """
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    public static IAmazonDynamoDB A() => new AmazonDynamoDBClient(RegionEndpoint.EUWest1);
                    public static IAmazonDynamoDB B() => new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.EUWest1 });
                    public static IAmazonDynamoDB C() => new AmazonDynamoDBClient();
                }
                """);
        }

        [Fact]
        public async Task BasicCredentialsOnSdkV4_FixesToDefaultIdentityResolver()
        {
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>("""
                using Amazon.DynamoDBv2;
                using Amazon.Runtime;

                public class Clients
                {
                    public static IAmazonDynamoDB A()
                    {
                        var credentials = new BasicAWSCredentials("AKIAUJZDE8GXD6NCF10E", [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|]);
                        return new AmazonDynamoDBClient(credentials);
                    }

                    public static AWSCredentials B() => new SessionAWSCredentials([|"ASIASEH60KVJ50CE9UVW"|], "x", "y");
                }
                """, """
                using Amazon.DynamoDBv2;
                using Amazon.Runtime;
                using Amazon.Runtime.Credentials;

                public class Clients
                {
                    public static IAmazonDynamoDB A()
                    {
                        var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
                        return new AmazonDynamoDBClient(credentials);
                    }

                    public static AWSCredentials B() => DefaultAWSCredentialsIdentityResolver.GetCredentials();
                }
                """);
        }

        [Fact]
        public async Task BasicCredentialsOnSdkV3_FixesToFallbackCredentialsFactory()
        {
            // An SDK v3 surface (no DefaultAWSCredentialsIdentityResolver), declared in the test itself.
            var test = new CodeFixTest<DoNotHardCodeAwsCredentialsAnalyzer, DoNotHardCodeAwsCredentialsFixer>
            {
                References = ReferenceSet.FrameworkOnly,
            };
            const string sdk = """
                namespace Amazon.Runtime
                {
                    public abstract class AWSCredentials { }
                    public class BasicAWSCredentials : AWSCredentials { public BasicAWSCredentials(string accessKey, string secretKey) { } }
                    public static class FallbackCredentialsFactory { public static AWSCredentials GetCredentials() => null!; }
                    public abstract class AmazonServiceClient { }
                }
                """;
            test.Sources.Add("""
                using Amazon.Runtime;

                public class Clients
                {
                    public static AWSCredentials A() => new BasicAWSCredentials("AKIAUJZDE8GXD6NCF10E", [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|]);
                }
                """);
            test.Sources.Add(sdk);
            test.FixedSources.Add("""
                using Amazon.Runtime;

                public class Clients
                {
                    public static AWSCredentials A() => FallbackCredentialsFactory.GetCredentials();
                }
                """);
            test.FixedSources.Add(sdk);
            await test.RunAsync();
        }

        [Fact]
        public async Task CredentialsUsedAsBasicType_NoFix()
        {
            const string source = """
                using Amazon.Runtime;

                public class Clients
                {
                    public static ImmutableCredentials A()
                    {
                        var credentials = new BasicAWSCredentials("AKIAUJZDE8GXD6NCF10E", [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|]);
                        return credentials.GetCredentials();
                    }
                }
                """;
            await VerifyCS.CodeFixAsync<DoNotHardCodeAwsCredentialsFixer>(source, source);
        }

        [Fact]
        public async Task KeyInConstantOfAnotherFile_ReportsThere_NoFix()
        {
            var test = new CodeFixTest<DoNotHardCodeAwsCredentialsAnalyzer, DoNotHardCodeAwsCredentialsFixer>();
            test.Sources.Add("""
                using Amazon.DynamoDBv2;
                public class Clients { public static IAmazonDynamoDB A() => new AmazonDynamoDBClient(Keys.Id, Keys.Secret); }
                """);
            test.Sources.Add("""
                public static class Keys { public const string Id = "AKIAUJZDE8GXD6NCF10E"; public const string Secret = [|"El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"|]; }
                """);
            test.FixedSources.AddRange(test.Sources);
            await test.RunAsync();
        }
    }
}
