using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Pooling.ReuseDataSourcesAndMultiplexersAnalyzer>;

namespace DataLayerAnalyzers.Tests.Pooling
{
    /// <summary>DLA4003: a data source built from instance state in a controller is injected when the compilation registers one.</summary>
    public class InjectRegisteredDataSourceTests
    {
        private const string InjectionKey = "DLA4003.ConstructorInjection";

        private static string NpgsqlRegistration(string registration) => $$"""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;

            public static class Registration
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                    => {{registration}};
            }

            """;

        private const string ControllerHead = """
            public class LedgerController : ControllerBase
            {
                private readonly IConfiguration _config;

            """;

        [Fact]
        public async Task NothingRegistered_NoInjection_StaticFieldIsTheFirstAction()
        {
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Npgsql;

                public class LedgerController : ControllerBase
                {
                    public async Task<IActionResult> Ping()
                    {
                        await using var connection = await [|NpgsqlDataSource.Create("Host=ledger.rds.amazonaws.com;Username=app")|].OpenConnectionAsync();
                        return Ok();
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Npgsql;

                public class LedgerController : ControllerBase
                {
                    private static readonly NpgsqlDataSource SharedNpgsqlDataSource = NpgsqlDataSource.Create("Host=ledger.rds.amazonaws.com;Username=app");

                    public async Task<IActionResult> Ping()
                    {
                        await using var connection = await SharedNpgsqlDataSource.OpenConnectionAsync();
                        return Ok();
                    }
                }
                """);
        }

        [Theory]
        [InlineData("services.AddSingleton(_ => NpgsqlDataSource.Create(configuration.GetConnectionString(\"Ledger\")!))", ReferenceSet.All)]
        [InlineData("services.AddNpgsqlDataSource(configuration.GetConnectionString(\"Ledger\")!)", ReferenceSet.AllWithNpgsqlDependencyInjection)]
        [InlineData("services.AddNpgsqlSlimDataSource(configuration.GetConnectionString(\"Ledger\")!, serviceKey: null)", ReferenceSet.AllWithNpgsqlDependencyInjection)]
        [InlineData("services.AddMultiHostNpgsqlDataSource(configuration.GetConnectionString(\"Ledger\")!, dataSourceLifetime: ServiceLifetime.Singleton)", ReferenceSet.AllWithNpgsqlDependencyInjection)]
        [InlineData("services.AddNpgsqlDataSource(configuration.GetConnectionString(\"Ledger\")!, builder => builder.EnableParameterLogging(false))", ReferenceSet.AllWithNpgsqlDependencyInjection)]
        public async Task DataSourceFromConfigurationInController_Registered_IsInjected_FixAll(string registration, ReferenceSet references)
        {
            // A singleton registration, or Npgsql.DependencyInjection's (which registers NpgsqlDataSource, the multi-host forms
            // too, beside NpgsqlMultiHostDataSource).
            await new CodeFixTest<ReuseDataSourcesAndMultiplexersAnalyzer, ReuseDataSourcesAndMultiplexersFixer>
            {
                TestCode = NpgsqlRegistration(registration) + ControllerHead + """

                        public LedgerController(IConfiguration config)
                        {
                            _config = config;
                        }

                        public async Task<IActionResult> Count()
                        {
                            await using var dataSource = [|NpgsqlDataSource.Create(_config.GetConnectionString("Ledger")!)|];
                            await using var connection = await dataSource.OpenConnectionAsync();
                            return Ok();
                        }

                        public async Task<IActionResult> Ping()
                        {
                            await using var connection = await [|NpgsqlDataSource.Create(_config.GetConnectionString("Ledger")!)|].OpenConnectionAsync();
                            return Ok();
                        }
                    }
                    """,
                FixedCode = NpgsqlRegistration(registration) + ControllerHead + """
                        private readonly NpgsqlDataSource _npgsqlDataSource;

                        public LedgerController(IConfiguration config, NpgsqlDataSource npgsqlDataSource)
                        {
                            _npgsqlDataSource = npgsqlDataSource;
                            _config = config;
                        }

                        public async Task<IActionResult> Count()
                        {
                            var dataSource = _npgsqlDataSource;
                            await using var connection = await dataSource.OpenConnectionAsync();
                            return Ok();
                        }

                        public async Task<IActionResult> Ping()
                        {
                            await using var connection = await _npgsqlDataSource.OpenConnectionAsync();
                            return Ok();
                        }
                    }
                    """,
                CodeActionEquivalenceKey = InjectionKey,
                References = references,
            }.RunAsync();
        }

        [Fact]
        public async Task MultiHostDataSourceRegistered_IsInjectedFirst()
        {
            // The first action, with no key asked for: injection comes before the static cache.
            const string registration = "services.AddMultiHostNpgsqlDataSource(configuration.GetConnectionString(\"Ledger\")!)";
            await new CodeFixTest<ReuseDataSourcesAndMultiplexersAnalyzer, ReuseDataSourcesAndMultiplexersFixer>
            {
                TestCode = NpgsqlRegistration(registration) + ControllerHead + """

                        public LedgerController(IConfiguration config)
                        {
                            _config = config;
                        }

                        public async Task<IActionResult> Ping()
                        {
                            await using var dataSource = [|new NpgsqlDataSourceBuilder(_config.GetConnectionString("Ledger")!).BuildMultiHost()|];
                            await using var connection = await dataSource.OpenConnectionAsync(TargetSessionAttributes.Primary);
                            return Ok();
                        }
                    }
                    """,
                FixedCode = NpgsqlRegistration(registration) + ControllerHead + """
                        private readonly NpgsqlMultiHostDataSource _npgsqlMultiHostDataSource;

                        public LedgerController(IConfiguration config, NpgsqlMultiHostDataSource npgsqlMultiHostDataSource)
                        {
                            _npgsqlMultiHostDataSource = npgsqlMultiHostDataSource;
                            _config = config;
                        }

                        public async Task<IActionResult> Ping()
                        {
                            var dataSource = _npgsqlMultiHostDataSource;
                            await using var connection = await dataSource.OpenConnectionAsync(TargetSessionAttributes.Primary);
                            return Ok();
                        }
                    }
                    """,
                References = ReferenceSet.AllWithNpgsqlDependencyInjection,
            }.RunAsync();
        }

        [Theory]
        [InlineData("services.AddNpgsqlDataSource(configuration.GetConnectionString(\"Ledger\")!, serviceKey: \"ledger\")", "NpgsqlDataSource.Create(_config.GetConnectionString(\"Ledger\")!)")]
        [InlineData("services.AddNpgsqlDataSource(configuration.GetConnectionString(\"Ledger\")!, dataSourceLifetime: ServiceLifetime.Scoped)", "NpgsqlDataSource.Create(_config.GetConnectionString(\"Ledger\")!)")]
        [InlineData("services.AddNpgsqlDataSource(configuration.GetConnectionString(\"Ledger\")!)", "new NpgsqlDataSourceBuilder(_config.GetConnectionString(\"Ledger\")!).BuildMultiHost()")]
        [InlineData("services.AddNpgsqlConnection(configuration.GetConnectionString(\"Ledger\")!)", "NpgsqlDataSource.Create(_config.GetConnectionString(\"Ledger\")!)")]
        [InlineData("LookAlikeExtensions.AddNpgsqlDataSource(services, configuration.GetConnectionString(\"Ledger\")!)", "NpgsqlDataSource.Create(_config.GetConnectionString(\"Ledger\")!)")]
        public async Task NotARegistrationTheControllerCanInject_NoInjection(string registration, string creation)
        {
            // Look-alikes: a keyed data source (injected only with [FromKeyedServices]), a scoped one (a pool per request),
            // a single-host registration for a multi-host creation, and methods of the same name that are not the
            // package's (a project's own AddNpgsqlDataSource; AddNpgsqlConnection below): injection is not offered.
            var source = NpgsqlRegistration(registration) + """
                public static class LookAlikeExtensions
                {
                    public static IServiceCollection AddNpgsqlDataSource(IServiceCollection services, string connectionString) => services;

                    public static IServiceCollection AddNpgsqlConnection(this IServiceCollection services, string connectionString) => services;
                }

                """ + ControllerHead + $$"""

                    public LedgerController(IConfiguration config)
                    {
                        _config = config;
                    }

                    public async Task<IActionResult> Ping()
                    {
                        await using var dataSource = [|{{creation}}|];
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok();
                    }
                }
                """;
            await new CodeFixTest<ReuseDataSourcesAndMultiplexersAnalyzer, ReuseDataSourcesAndMultiplexersFixer>
            {
                TestCode = source,
                FixedCode = source,
                CodeActionEquivalenceKey = InjectionKey,
                References = ReferenceSet.AllWithNpgsqlDependencyInjection,
            }.RunAsync();
        }
    }
}
