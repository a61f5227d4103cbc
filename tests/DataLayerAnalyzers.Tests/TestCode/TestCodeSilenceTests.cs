using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.TestCode
{
    /// <summary>
    /// DLA1002, DLA1003, DLA1004, DLA3003, DLA4002, DLA4003 and DLA4004 stay silent in test projects and in test methods
    /// and classes unless <c>analyze_test_code</c> is set; credential and TLS rules keep reporting there.
    /// </summary>
    public class TestCodeSilenceTests
    {
        /// <summary>
        /// An expected finding by rule and place only: this suite is about where the rules speak, and each rule's own tests
        /// check its wording.
        /// </summary>
        private static DiagnosticResult At<TAnalyzer>(string id, int location)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
            => Verify<TAnalyzer>.Diagnostic(id).WithLocation(location).WithMessageFormat(null!);

        private const string TestProject = "build_property.IsTestProject = true";
        private const string AnalyzeTestCode = "dotnet_code_quality.datalayer.analyze_test_code = true";

        /// <summary>Minimal stand-ins in the frameworks' real namespaces (the test compilation does not reference them).</summary>
        private const string Frameworks = """

            namespace Xunit { public class FactAttribute : System.Attribute { } public class TheoryAttribute : FactAttribute { } }
            namespace NUnit.Framework
            {
                public sealed class TestAttribute : System.Attribute { }
                public sealed class TestCaseAttribute : System.Attribute { public TestCaseAttribute(params object[] args) { } }
                public sealed class TestFixtureAttribute : System.Attribute { }
            }
            namespace Microsoft.VisualStudio.TestTools.UnitTesting
            {
                public sealed class TestMethodAttribute : System.Attribute { }
                public sealed class TestClassAttribute : System.Attribute { }
            }
            """;

        private const string DynamoDBSource = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            public class DeviceTests
            {
                public async Task<int> ScanAll(IAmazonDynamoDB client)
                {
                    var page = await {|#0:client.ScanAsync(new ScanRequest { TableName = "Devices" })|};
                    return page.Items.Count;
                }

                public async Task Seed(IAmazonDynamoDB client, Dictionary<string, List<WriteRequest>> items)
                {
                    await {|#1:client.BatchWriteItemAsync(items)|};
                }
            }
            """;

        private const string LifetimeSource = """
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;

            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public async Task<IActionResult> Get(string connectionString)
                {
                    var client = {|#0:new AmazonDynamoDBClient()|};
                    await client.ListTablesAsync();
                    await using var dataSource = {|#1:NpgsqlDataSource.Create("Host=db;Database=ledger")|};
                    var connection = {|#2:new NpgsqlConnection(connectionString)|};
                    connection.Open();
                    return Ok();
                }
            }
            """;

        private const string HttpSource = """
            using Amazon.DynamoDBv2;

            public class ClientTests
            {
                public AmazonDynamoDBConfig Config() => new AmazonDynamoDBConfig { {|#0:ServiceURL = "http://dynamodb.internal.example.com:8000"|} };
            }
            """;

        [Fact]
        public async Task TestProject_NoDiagnostic()
        {
            await Silent<AvoidFullTableScanAnalyzer>(DynamoDBSource, TestProject);
            await Silent<ReadAllResultPagesAnalyzer>(DynamoDBSource, TestProject);
            await Silent<HandleUnprocessedBatchItemsAnalyzer>(DynamoDBSource, TestProject);
            await Silent<UseHttpsForAwsEndpointsAnalyzer>(HttpSource, TestProject);
            await Silent<ReuseAwsServiceClientsAnalyzer>(LifetimeSource, TestProject);
            await Silent<ReuseDataSourcesAndMultiplexersAnalyzer>(LifetimeSource, TestProject);
            await Silent<DisposeDatabaseConnectionsAnalyzer>(LifetimeSource, TestProject);
        }

        [Fact]
        public async Task TestProjectWithAnalyzeTestCode_Reports()
        {
            await new AnalyzerTest<AvoidFullTableScanAnalyzer>
            {
                TestCode = DynamoDBSource,
                GlobalConfig = { TestProject, AnalyzeTestCode },
                ExpectedDiagnostics = { At<AvoidFullTableScanAnalyzer>("DLA1002", 0) },
            }.RunAsync();
            await new AnalyzerTest<HandleUnprocessedBatchItemsAnalyzer>
            {
                TestCode = DynamoDBSource,
                GlobalConfig = { TestProject, "dotnet_code_quality.DLA1004.analyze_test_code = true" },
                ExpectedDiagnostics = { At<HandleUnprocessedBatchItemsAnalyzer>("DLA1004", 1) },
            }.RunAsync();
            await new AnalyzerTest<ReuseAwsServiceClientsAnalyzer>
            {
                TestCode = LifetimeSource,
                GlobalConfig = { TestProject, AnalyzeTestCode },
                ExpectedDiagnostics = { At<ReuseAwsServiceClientsAnalyzer>("DLA4002", 0) },
            }.RunAsync();
            await new AnalyzerTest<UseHttpsForAwsEndpointsAnalyzer>
            {
                TestCode = HttpSource,
                GlobalConfig = { TestProject, AnalyzeTestCode },
                ExpectedDiagnostics = { At<UseHttpsForAwsEndpointsAnalyzer>("DLA3003", 0) },
            }.RunAsync();
        }

        [Fact]
        public async Task NotATestProject_Reports()
        {
            await new AnalyzerTest<DisposeDatabaseConnectionsAnalyzer>
            {
                TestCode = LifetimeSource,
                GlobalConfig = { "build_property.IsTestProject = false" },
                ExpectedDiagnostics = { At<DisposeDatabaseConnectionsAnalyzer>("DLA4004", 2) },
            }.RunAsync();
            await Verify<ReuseDataSourcesAndMultiplexersAnalyzer>.AnalyzerAsync(LifetimeSource,
                At<ReuseDataSourcesAndMultiplexersAnalyzer>("DLA4003", 1));
        }

        [Fact]
        public async Task TestMethodsAndClassesOfEachFramework_NoDiagnostic()
        {
            await Verify<AvoidFullTableScanAnalyzer>.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                public class XunitTests
                {
                    [Xunit.Fact]
                    public async Task Fact(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });

                    [Xunit.Theory]
                    public async Task Theory(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });
                }

                public class NUnitMethods
                {
                    [NUnit.Framework.Test]
                    public async Task Test(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });

                    [NUnit.Framework.TestCase("Devices")]
                    public async Task Case(IAmazonDynamoDB client, string table) => await client.ScanAsync(new ScanRequest { TableName = table });
                }

                [NUnit.Framework.TestFixture]
                public class NUnitFixture
                {
                    public async Task Helper(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });

                    public class Nested
                    {
                        public async Task Deeper(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });
                    }
                }

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]
                public class MSTestClass
                {
                    public async Task Helper(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });
                }

                public class MSTestMethods
                {
                    [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                    public async Task Method(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });
                }
                """ + Frameworks);
        }

        [Fact]
        public async Task DerivedFrameworkAttributeAndLambdaInTest_NoDiagnostic()
        {
            await Verify<ReuseAwsServiceClientsAnalyzer>.AnalyzerAsync("""
                using System;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public sealed class SkippableFactAttribute : Xunit.FactAttribute { }

                public class OrdersController : ControllerBase
                {
                    [HttpGet]
                    [SkippableFact]
                    public async Task<IActionResult> Get()
                    {
                        Func<Task> act = async () => await new AmazonDynamoDBClient().ListTablesAsync();
                        await act();
                        return Ok();
                    }
                }
                """ + Frameworks);
        }

        [Fact]
        public async Task UnresolvedFrameworkAttributes_NoDiagnostic()
        {
            await new AnalyzerTest<AvoidFullTableScanAnalyzer>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;
                    using Amazon.DynamoDBv2.Model;
                    using Xunit;

                    public class Tests
                    {
                        [Fact]
                        public async Task Scan(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });

                        [TestMethod]
                        public async Task Method(IAmazonDynamoDB client) => await client.ScanAsync(new ScanRequest { TableName = "Devices" });
                    }
                    """,
                AllowCompilerErrors = true,
            }.RunAsync();
        }

        [Fact]
        public async Task LookAlikeAttributesOutsideTestFrameworks_Reports()
        {
            await Verify<AvoidFullTableScanAnalyzer>.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                namespace Shop.Diagnostics
                {
                    public sealed class TestAttribute : System.Attribute { }
                    public sealed class FactAttribute : System.Attribute { }

                    public class HealthProbe
                    {
                        [Test]
                        public async Task Probe(IAmazonDynamoDB client) => await {|#0:client.ScanAsync(new ScanRequest { TableName = "Devices" })|};

                        [Fact]
                        public async Task Fact(IAmazonDynamoDB client) => await {|#1:client.ScanAsync(new ScanRequest { TableName = "Devices" })|};
                    }
                }
                """,
                At<AvoidFullTableScanAnalyzer>("DLA1002", 0),
                At<AvoidFullTableScanAnalyzer>("DLA1002", 1));
        }

        [Fact]
        public async Task CredentialAndTlsRulesInTestCode_Report()
        {
            const string source = """
                public class RepositoryTests
                {
                    [Xunit.Fact]
                    public void Opens()
                    {
                        new Npgsql.NpgsqlConnection({|#0:"Host=ledger.rds.amazonaws.com;Username=app;Password=Sup3rSecret!"|}).Dispose();
                    }
                }
                """ + Frameworks;
            await new AnalyzerTest<DoNotHardCodeDatabasePasswordsAnalyzer>
            {
                TestCode = source,
                GlobalConfig = { TestProject },
                ExpectedDiagnostics = { At<DoNotHardCodeDatabasePasswordsAnalyzer>("DLA2002", 0) },
            }.RunAsync();
        }

        private static Task Silent<TAnalyzer>(string source, string config)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            return new AnalyzerTest<TAnalyzer> { TestCode = source, GlobalConfig = { config } }.RunAsync();
        }
    }
}
