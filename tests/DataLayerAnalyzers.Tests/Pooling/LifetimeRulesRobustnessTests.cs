using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.Pooling
{
    /// <summary>Half-typed code must never make the issue-4 analyzers throw (AD0001).</summary>
    public class LifetimeRulesRobustnessTests
    {
        private const string Broken = """
            using System.Threading.Tasks;
            using Amazon;
            using Amazon.DynamoDBv2;
            using Amazon.Runtime;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;

            public class BrokenController : ControllerBase
            {
                public async Task<IActionResult> Get()
                {
                    var client = new AmazonDynamoDBClient(RegionEndpoint.;
                    var creds = new BasicAWSCredentials("AKIAUJZDE8GXD6NCF10E", );
                    var config = new AmazonDynamoDBConfig { UseHttp = , ServiceURL = "http://" };
                    var ds = NpgsqlDataSource.Create(;
                    var connection = new NpgsqlConnection(
                    connection.Open();
                    foreach (var x in ) { new AmazonDynamoDBClient(); }
                    services.AddScoped<>(_ => new AmazonDynamoDBClient());
                    return Ok(
                }

                public BrokenController() : base( { _ = new AmazonDynamoDBClient(; }
                public int Prop => new AmazonDynamoDBClient(
            }
            """;

        [Fact]
        public Task ReuseAwsServiceClients_HalfTypedCode_NoCrash() => Run<ReuseAwsServiceClientsAnalyzer>();

        [Fact]
        public Task ReuseDataSources_HalfTypedCode_NoCrash() => Run<ReuseDataSourcesAndMultiplexersAnalyzer>();

        [Fact]
        public Task DisposeConnections_HalfTypedCode_NoCrash() => Run<DisposeDatabaseConnectionsAnalyzer>();

        [Fact]
        public Task HardCodedCredentials_HalfTypedCode_NoCrash() => Run<DoNotHardCodeAwsCredentialsAnalyzer>();

        [Fact]
        public Task UseHttps_HalfTypedCode_NoCrash() => Run<UseHttpsForAwsEndpointsAnalyzer>();

        private static async Task Run<TAnalyzer>()
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            // Whatever is reported in broken code is not asserted; an analyzer exception fails the run.
            var test = new AnalyzerTest<TAnalyzer> { AllowCompilerErrors = true, CheckGeneratedCode = false };
            test.Sources.Add(Broken);
            try
            {
                await test.RunAsync();
            }
            catch (System.InvalidOperationException ex) when (!ex.Message.Contains("AD0001"))
            {
                // Unexpected diagnostics in broken code are acceptable; only crashes are not.
            }
        }
    }
}
