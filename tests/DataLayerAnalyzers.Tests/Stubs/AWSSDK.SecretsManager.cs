// assembly: AWSSDK.SecretsManager
// API-surface stub of AWSSDK.SecretsManager 4.x (not restorable here). Public signatures only; names from shared api-facts §3 and the
// generated client constructor pattern of §1.1.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager
{
    public interface IAmazonSecretsManager : IAmazonService, IDisposable
    {
        Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default);
        static ClientConfig IAmazonService.CreateDefaultClientConfig() => throw null!;
        static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;
    }

    public class AmazonSecretsManagerConfig : ClientConfig
    {
        public AmazonSecretsManagerConfig() : base(null!) { }
        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters) => throw null!;
        public override string RegionEndpointServiceName => throw null!;
        public override string ServiceVersion => throw null!;
        public override string UserAgent => throw null!;
    }

    public class AmazonSecretsManagerClient : AmazonServiceClient, IAmazonSecretsManager
    {
        public AmazonSecretsManagerClient() : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(RegionEndpoint region) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(AmazonSecretsManagerConfig config) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(AWSCredentials credentials) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(AWSCredentials credentials, RegionEndpoint region) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(AWSCredentials credentials, AmazonSecretsManagerConfig clientConfig) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonSecretsManagerConfig clientConfig) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region) : base(null!, (ClientConfig)null!) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonSecretsManagerConfig clientConfig) : base(null!, (ClientConfig)null!) { }
        public static ClientConfig CreateDefaultClientConfig() => throw null!;
        public static IAmazonService CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) => throw null!;
        public virtual Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Amazon.SecretsManager.Model
{
    public class GetSecretValueRequest : AmazonWebServiceRequest
    {
        public string SecretId { get; set; } = null!;
        public string VersionId { get; set; } = null!;
        public string VersionStage { get; set; } = null!;
    }

    public class GetSecretValueResponse : AmazonWebServiceResponse
    {
        public string ARN { get; set; } = null!;
        public string Name { get; set; } = null!;
        public string VersionId { get; set; } = null!;
        public string SecretString { get; set; } = null!;
        public MemoryStream SecretBinary { get; set; } = null!;
        public List<string> VersionStages { get; set; } = null!;
        public DateTime? CreatedDate { get; set; }
    }
}
