using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Pooling.ReuseDataSourcesAndMultiplexersAnalyzer>;

namespace DataLayerAnalyzers.Tests.Pooling
{
    public class ReuseDataSourcesAndMultiplexersTests
    {
        [Fact]
        public async Task NpgsqlDataSourceCreateInControllerAction_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Npgsql;

                [ApiController]
                public class LedgerController : ControllerBase
                {
                    [HttpGet]
                    public async Task<IActionResult> Balance()
                    {
                        await using var dataSource = {|#0:NpgsqlDataSource.Create("Host=db;Database=ledger")|};
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok();
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4003").WithLocation(0).WithArguments("NpgsqlDataSource.Create", "in controller method 'Balance', on every request"));
        }

        [Fact]
        public async Task NpgsqlBuilderBuildAndBuildMultiHost_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Npgsql;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/a", async () =>
                        {
                            var builder = new NpgsqlDataSourceBuilder("Host=db");
                            await using var ds = {|#0:builder.Build()|};
                            return 1;
                        });
                        app.MapGet("/b", async () =>
                        {
                            await using var ds = {|#1:new NpgsqlDataSourceBuilder("Host=a,b").BuildMultiHost()|};
                            return 2;
                        });
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4003").WithLocation(0).WithArguments("NpgsqlDataSourceBuilder.Build", "in a minimal API handler, on every request"),
                VerifyCS.Diagnostic("DLA4003").WithLocation(1).WithArguments("NpgsqlDataSourceBuilder.BuildMultiHost", "in a minimal API handler, on every request"));
        }

        [Fact]
        public async Task MySqlDataSourceShapesInLambdaHandler_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using MySqlConnector;

                public class Function
                {
                    public async Task Handle(string input, ILambdaContext context)
                    {
                        using var a = {|#0:new MySqlDataSource("Server=db")|};
                        using var b = {|#1:new MySqlDataSourceBuilder("Server=db").Build()|};
                        await Task.CompletedTask;
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4003").WithLocation(0).WithArguments("new MySqlDataSource", "in Lambda function handler 'Handle', on every invocation"),
                VerifyCS.Diagnostic("DLA4003").WithLocation(1).WithArguments("MySqlDataSourceBuilder.Build", "in Lambda function handler 'Handle', on every invocation"));
        }

        [Fact]
        public async Task MultiplexerConnectAndConnectAsync_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using StackExchange.Redis;

                public class SessionStore
                {
                    public async Task Touch(string[] keys)
                    {
                        using var a = [|ConnectionMultiplexer.Connect("cache:6379")|];
                        foreach (var key in keys)
                        {
                            var mux = await [|ConnectionMultiplexer.ConnectAsync("cache:6379")|];
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task ScopedServiceConstructor_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Microsoft.Extensions.DependencyInjection;
                using Npgsql;

                public class LedgerRepository
                {
                    private readonly NpgsqlDataSource _dataSource;
                    public LedgerRepository() { _dataSource = [|NpgsqlDataSource.Create("Host=db")|]; }
                }

                public static class Registration
                {
                    public static void Add(IServiceCollection services) => services.AddScoped<LedgerRepository>();
                }
                """);
        }

        [Fact]
        public async Task CreatedOnceOrOpen_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                using Npgsql;
                using StackExchange.Redis;

                public class LedgerRepository
                {
                    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create("Host=db");
                    private static readonly Lazy<ConnectionMultiplexer> Redis = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect("cache:6379"));
                }

                public class Singleton
                {
                    private readonly NpgsqlDataSource _dataSource;
                    public Singleton() { _dataSource = new NpgsqlDataSourceBuilder("Host=db").Build(); }
                }

                public static class Registration
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddSingleton<Singleton>();
                        services.AddSingleton(_ => NpgsqlDataSource.Create("Host=db"));
                        services.AddSingleton(_ => ConnectionMultiplexer.Connect("cache:6379"));
                    }

                    public static NpgsqlDataSource CreateDataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);

                    public static async Task<ConnectionMultiplexer> ConnectRedis() { var mux = await ConnectionMultiplexer.ConnectAsync("cache"); return mux; }
                }

                public class Unknown
                {
                    private readonly NpgsqlDataSource _dataSource;
                    public Unknown() { _dataSource = NpgsqlDataSource.Create("Host=db"); }
                    public async Task Open() { await using var connection = await _dataSource.OpenConnectionAsync(); }
                }
                """);
        }

        [Fact]
        public async Task DataSourceInController_Fixes()
        {
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Npgsql;

                public class LedgerController : ControllerBase
                {
                    private const string ConnectionString = "Host=db;Database=ledger";

                    public async Task<IActionResult> Balance()
                    {
                        await using var dataSource = [|NpgsqlDataSource.Create(ConnectionString)|];
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok();
                    }

                    public async Task<IActionResult> History()
                    {
                        await using var dataSource = [|NpgsqlDataSource.Create(ConnectionString)|];
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok();
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Npgsql;

                public class LedgerController : ControllerBase
                {
                    private static readonly NpgsqlDataSource SharedNpgsqlDataSource = NpgsqlDataSource.Create(ConnectionString);
                    private const string ConnectionString = "Host=db;Database=ledger";

                    public async Task<IActionResult> Balance()
                    {
                        var dataSource = SharedNpgsqlDataSource;
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok();
                    }

                    public async Task<IActionResult> History()
                    {
                        var dataSource = SharedNpgsqlDataSource;
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok();
                    }
                }
                """);
        }

        [Fact]
        public async Task MultiplexerAndMySqlDataSourceInLambdaHandler_Fix()
        {
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>("""
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using MySqlConnector;
                using StackExchange.Redis;

                public class Function
                {
                    public async Task Handle(string input, ILambdaContext context)
                    {
                        using var redis = [|ConnectionMultiplexer.Connect("cache.internal:6379,ssl=true")|];
                        await using var dataSource = [|new MySqlDataSource("Server=db;SslMode=VerifyFull")|];
                        await using var connection = await dataSource.OpenConnectionAsync();
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using MySqlConnector;
                using StackExchange.Redis;

                public class Function
                {
                    private static readonly ConnectionMultiplexer SharedConnectionMultiplexer = ConnectionMultiplexer.Connect("cache.internal:6379,ssl=true");
                    private static readonly MySqlDataSource SharedMySqlDataSource = new MySqlDataSource("Server=db;SslMode=VerifyFull");

                    public async Task Handle(string input, ILambdaContext context)
                    {
                        var redis = SharedConnectionMultiplexer;
                        var dataSource = SharedMySqlDataSource;
                        await using var connection = await dataSource.OpenConnectionAsync();
                    }
                }
                """);
        }

        [Fact]
        public async Task ConnectAsyncOrBuilderLocal_NoFix()
        {
            const string source = """
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Npgsql;
                using StackExchange.Redis;

                public class Function
                {
                    public async Task Handle(string input, ILambdaContext context)
                    {
                        var mux = await [|ConnectionMultiplexer.ConnectAsync("cache:6379")|];
                        var builder = new NpgsqlDataSourceBuilder("Host=db");
                        await using var ds = [|builder.Build()|];
                    }
                }
                """;
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>(source, source);
        }
    }
}
