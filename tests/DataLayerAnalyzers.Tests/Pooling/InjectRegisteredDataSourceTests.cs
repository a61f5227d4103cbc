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
        private const string Registration = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;

            public static class Registration
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                    => services.AddSingleton(_ => NpgsqlDataSource.Create(configuration.GetConnectionString("Ledger")!));
            }

            """;

        [Fact]
        public async Task DataSourceFromConfigurationInController_IsInjected_FixAll()
        {
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>(Registration + """
                public class LedgerController : ControllerBase
                {
                    private readonly IConfiguration _config;

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
                """, Registration + """
                public class LedgerController : ControllerBase
                {
                    private readonly IConfiguration _config;
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
                """, "DLA4003.ConstructorInjection");
        }

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
    }
}
