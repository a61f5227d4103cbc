using System.Threading.Tasks;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Encryption.UseHttpsForAwsEndpointsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class UseHttpsForAwsEndpointsTests
    {
        [Fact]
        public async Task UseHttpInInitializer_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon;
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    public static IAmazonDynamoDB Create() =>
                        new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.EUWest1, {|#0:UseHttp = true|} });
                }
                """,
                VerifyCS.Diagnostic("DLA3003").WithLocation(0).WithArguments("UseHttp = true"));
        }

        [Fact]
        public async Task LaterAssignmentsAndOtherConfigs_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Amazon.SecretsManager;
                using Amazon.SecurityToken;

                public class Clients
                {
                    private const string Endpoint = "http://dynamodb.internal.example.com:8000";

                    public static IAmazonDynamoDB Dynamo()
                    {
                        var config = new AmazonDynamoDBConfig();
                        {|#0:config.ServiceURL = Endpoint|};
                        return new AmazonDynamoDBClient(config);
                    }

                    public static AmazonSecretsManagerConfig Secrets()
                    {
                        var config = new AmazonSecretsManagerConfig();
                        [|config.UseHttp = true|];
                        return config;
                    }

                    public static AmazonSecurityTokenServiceConfig Sts() => new AmazonSecurityTokenServiceConfig { [|ServiceURL = "HTTP://10.0.4.12/"|] };
                }
                """,
                VerifyCS.Diagnostic("DLA3003").WithLocation(0).WithArguments("ServiceURL 'http://dynamodb.internal.example.com'"));
        }

        [Fact]
        public async Task LocalEndpointsHttpsAndConfiguration_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using Amazon.DynamoDBv2;
                using Microsoft.Extensions.Configuration;

                public class Clients
                {
                    public static AmazonDynamoDBConfig Local() => new AmazonDynamoDBConfig { ServiceURL = "http://localhost:8000" };
                    public static AmazonDynamoDBConfig LocalStack() => new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:4566", UseHttp = true };
                    public static AmazonDynamoDBConfig Ipv6() => new AmazonDynamoDBConfig { ServiceURL = "http://[::1]:8000" };
                    public static AmazonDynamoDBConfig Tls() => new AmazonDynamoDBConfig { ServiceURL = "https://dynamodb.eu-west-1.amazonaws.com" };
                    public static AmazonDynamoDBConfig Off() => new AmazonDynamoDBConfig { UseHttp = false };
                    public static AmazonDynamoDBConfig FromConfig(IConfiguration configuration) => new AmazonDynamoDBConfig { ServiceURL = configuration["DynamoDb:ServiceUrl"] };
                    public static AmazonDynamoDBConfig FromEnvironment() => new AmazonDynamoDBConfig { ServiceURL = Environment.GetEnvironmentVariable("DYNAMO_URL"), UseHttp = true };
                    public static AmazonDynamoDBConfig HostFromConfig(string host) => new AmazonDynamoDBConfig { ServiceURL = $"http://{host}:8000" };
                    public static AmazonDynamoDBConfig Flag(bool useHttp) => new AmazonDynamoDBConfig { UseHttp = useHttp };
                    public static AmazonDynamoDBConfig Overridden()
                    {
                        var config = new AmazonDynamoDBConfig { UseHttp = true };
                        config.UseHttp = false;
                        return config;
                    }
                }
                """);
        }

        [Fact]
        public async Task AllowedHostOption_NoDiagnostic()
        {
            var test = new AnalyzerTest<UseHttpsForAwsEndpointsAnalyzer>
            {
                TestCode = """
                    using Amazon.DynamoDBv2;
                    public class Clients
                    {
                        public static AmazonDynamoDBConfig Compose() => new AmazonDynamoDBConfig { ServiceURL = "http://dynamodb-local:8000" };
                        public static AmazonDynamoDBConfig Other() => new AmazonDynamoDBConfig { [|ServiceURL = "http://dynamo.corp:8000"|] };
                    }
                    """,
            };
            test.GlobalConfig.Add("dotnet_code_quality.DLA3003.allowed_http_hosts = dynamodb-local, localstack");
            await test.RunAsync();
        }

        [Fact]
        public async Task UseHttpAndServiceUrl_Fix()
        {
            await VerifyCS.CodeFixAsync<UseHttpsForAwsEndpointsFixer>("""
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    private const string Endpoint = "http://dynamodb.internal.example.com";

                    public static AmazonDynamoDBConfig A() => new AmazonDynamoDBConfig { [|UseHttp = true|] };
                    public static AmazonDynamoDBConfig B() => new AmazonDynamoDBConfig { [|ServiceURL = "http://dynamodb.eu-west-1.amazonaws.com"|] };
                    public static AmazonDynamoDBConfig C(string region)
                    {
                        var config = new AmazonDynamoDBConfig();
                        [|config.ServiceURL = $"http://dynamodb.{region}.amazonaws.com"|];
                        return config;
                    }
                    public static AmazonDynamoDBConfig D() => new AmazonDynamoDBConfig { [|ServiceURL = Endpoint|] };
                }
                """, """
                using Amazon.DynamoDBv2;

                public class Clients
                {
                    private const string Endpoint = "https://dynamodb.internal.example.com";

                    public static AmazonDynamoDBConfig A() => new AmazonDynamoDBConfig { UseHttp = false };
                    public static AmazonDynamoDBConfig B() => new AmazonDynamoDBConfig { ServiceURL = "https://dynamodb.eu-west-1.amazonaws.com" };
                    public static AmazonDynamoDBConfig C(string region)
                    {
                        var config = new AmazonDynamoDBConfig();
                        config.ServiceURL = $"https://dynamodb.{region}.amazonaws.com";
                        return config;
                    }
                    public static AmazonDynamoDBConfig D() => new AmazonDynamoDBConfig { ServiceURL = Endpoint };
                }
                """);
        }
    }
}
