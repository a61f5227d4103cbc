// assembly: AWSSDK.Extensions.NETCore.Setup
// API-surface stub of AWSSDK.Extensions.NETCore.Setup (not restorable here). Public signatures only.
#nullable enable
using Amazon.Runtime;

namespace Microsoft.Extensions.DependencyInjection
{
    public static class ServiceCollectionExtensions
    {
        public static IServiceCollection AddAWSService<T>(this IServiceCollection collection, ServiceLifetime lifetime = ServiceLifetime.Singleton)
            where T : IAmazonService => throw null!;
    }
}
