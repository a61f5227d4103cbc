using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Pooling.ReuseDataSourcesAndMultiplexersAnalyzer>;

namespace DataLayerAnalyzers.Tests.Pooling
{
    /// <summary>
    /// DLA4003: a pool built from the call's connection string (instance state), with nothing registered to inject, is
    /// kept once per distinct connection string in a static cache.
    /// </summary>
    public class ConnectionStringCacheTests
    {
        private const string CacheKey = "DLA4003.StaticCacheByConnectionString";

        [Fact]
        public async Task NpgsqlDataSourceFromConfigurationInController_OnePerConnectionString_FixAll()
        {
            // Two creations of the same shape share one cache; the per-call disposal goes, so the cached pool is never disposed.
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Configuration;
                using Npgsql;

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
                        await using var connection = await [|NpgsqlDataSource.Create(_config.GetConnectionString("Reports")!)|].OpenConnectionAsync();
                        return Ok();
                    }
                }
                """, """
                using System.Collections.Concurrent;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Configuration;
                using Npgsql;

                public class LedgerController : ControllerBase
                {
                    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> SharedNpgsqlDataSources = new ConcurrentDictionary<string, NpgsqlDataSource>();
                    private readonly IConfiguration _config;

                    public LedgerController(IConfiguration config)
                    {
                        _config = config;
                    }

                    public async Task<IActionResult> Count()
                    {
                        var dataSource = SharedNpgsqlDataSources.GetOrAdd(_config.GetConnectionString("Ledger")!, connectionString => NpgsqlDataSource.Create(connectionString));
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok();
                    }

                    public async Task<IActionResult> Ping()
                    {
                        await using var connection = await SharedNpgsqlDataSources.GetOrAdd(_config.GetConnectionString("Reports")!, connectionString => NpgsqlDataSource.Create(connectionString)).OpenConnectionAsync();
                        return Ok();
                    }
                }
                """, CacheKey);
        }

        [Fact]
        public async Task MySqlDataSourceAndMultiplexerFromFields_OneCacheEach_FixAll()
        {
            // A constructor shape (new MySqlDataSource(string)) and a static factory of another library (Connect(string)),
            // with a local of the parameter's name in scope: each type gets its own cache, the lambda a fresh name.
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using MySqlConnector;
                using StackExchange.Redis;

                public class OrdersController : ControllerBase
                {
                    private readonly string _orders;
                    private readonly string _cache;

                    public OrdersController(string orders, string cache)
                    {
                        _orders = orders;
                        _cache = cache;
                    }

                    public async Task<IActionResult> Get()
                    {
                        var connectionString = _orders;
                        using var dataSource = [|new MySqlDataSource(connectionString)|];
                        using var mux = [|ConnectionMultiplexer.Connect(_cache)|];
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok(mux.IsConnected);
                    }
                }
                """, """
                using System.Collections.Concurrent;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using MySqlConnector;
                using StackExchange.Redis;

                public class OrdersController : ControllerBase
                {
                    private static readonly ConcurrentDictionary<string, MySqlDataSource> SharedMySqlDataSources = new ConcurrentDictionary<string, MySqlDataSource>();
                    private static readonly ConcurrentDictionary<string, ConnectionMultiplexer> SharedConnectionMultiplexers = new ConcurrentDictionary<string, ConnectionMultiplexer>();
                    private readonly string _orders;
                    private readonly string _cache;

                    public OrdersController(string orders, string cache)
                    {
                        _orders = orders;
                        _cache = cache;
                    }

                    public async Task<IActionResult> Get()
                    {
                        var connectionString = _orders;
                        var dataSource = SharedMySqlDataSources.GetOrAdd(connectionString, connectionString2 => new MySqlDataSource(connectionString2));
                        var mux = SharedConnectionMultiplexers.GetOrAdd(_cache, configuration => ConnectionMultiplexer.Connect(configuration));
                        await using var connection = await dataSource.OpenConnectionAsync();
                        return Ok(mux.IsConnected);
                    }
                }
                """, CacheKey);
        }

        [Fact]
        public async Task RegisteredDataSource_InjectionFirst_CacheSecond()
        {
            const string source = """
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

                public class LedgerController : ControllerBase
                {
                    private readonly IConfiguration _config;

                    public LedgerController(IConfiguration config)
                    {
                        _config = config;
                    }

                    public async Task<IActionResult> Ping()
                    {
                        await using var connection = await [|NpgsqlDataSource.Create(_config.GetConnectionString("Ledger")!)|].OpenConnectionAsync();
                        return Ok();
                    }
                }
                """;
            await new CodeFixTest<ReuseDataSourcesAndMultiplexersAnalyzer, ReuseDataSourcesAndMultiplexersFixer>
            {
                TestCode = source,
                FixedCode = """
                    using System.Collections.Concurrent;
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

                    public class LedgerController : ControllerBase
                    {
                        private static readonly ConcurrentDictionary<string, NpgsqlDataSource> SharedNpgsqlDataSources = new ConcurrentDictionary<string, NpgsqlDataSource>();
                        private readonly IConfiguration _config;

                        public LedgerController(IConfiguration config)
                        {
                            _config = config;
                        }

                        public async Task<IActionResult> Ping()
                        {
                            await using var connection = await SharedNpgsqlDataSources.GetOrAdd(_config.GetConnectionString("Ledger")!, connectionString => NpgsqlDataSource.Create(connectionString)).OpenConnectionAsync();
                            return Ok();
                        }
                    }
                    """,
                CodeActionIndex = 1,
                CodeActionEquivalenceKey = CacheKey,
            }.RunAsync();
        }

        [Fact]
        public async Task StaticSafeCreation_StaticFieldFirst_NoCache()
        {
            // Look-alike: a literal connection string needs nothing of the call, so the static field is offered and the
            // cache is not (asking for the cache's action finds none and the code stays).
            const string source = """
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
                """;
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>(source, source, CacheKey);
        }

        [Fact]
        public async Task BuilderOrSecondArgumentOrAsync_NoFix()
        {
            // Look-alikes: a builder configured in the method (Build is an instance call), Connect with a log writer (two
            // arguments: not a pure function of the connection string), ConnectAsync (a Task), and a connection string from
            // a parameter (a caller could vary it without bound, so no cache): no fix of any kind.
            const string source = """
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Npgsql;
                using StackExchange.Redis;

                public class LedgerController : ControllerBase
                {
                    private readonly string _ledger = "";
                    private readonly string _cache = "";

                    public async Task<IActionResult> Ping(TextWriter log, string tenant)
                    {
                        await using var tenantSource = [|NpgsqlDataSource.Create(tenant)|];
                        var builder = new NpgsqlDataSourceBuilder(_ledger);
                        await using var dataSource = [|builder.Build()|];
                        using var mux = [|ConnectionMultiplexer.Connect(_cache, log)|];
                        var other = await [|ConnectionMultiplexer.ConnectAsync(_cache)|];
                        return Ok();
                    }
                }
                """;
            await VerifyCS.CodeFixAsync<ReuseDataSourcesAndMultiplexersFixer>(source, source);
        }

        [Fact]
        public async Task ClientWithRegionFromConfiguration_OnePerRegion_FixAll()
        {
            // DLA4002: the client reads the controller's configuration (a region), so it cannot be static; one client per
            // region name in a static cache. The disposal per call goes, as for the static field.
            await Verify<ReuseAwsServiceClientsAnalyzer>.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Configuration;

                public class OrdersController : ControllerBase
                {
                    private readonly IConfiguration _config;

                    public OrdersController(IConfiguration config)
                    {
                        _config = config;
                    }

                    public async Task<IActionResult> List()
                    {
                        using var client = [|new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(_config["Region"]))|];
                        return Ok((await client.ListTablesAsync()).TableNames);
                    }

                    public async Task<IActionResult> Describe()
                    {
                        var client = [|new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(_config["ReplicaRegion"]))|];
                        var response = await client.DescribeTableAsync("Orders");
                        client.Dispose();
                        return Ok(response.Table);
                    }
                }
                """, """
                using System.Collections.Concurrent;
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Configuration;

                public class OrdersController : ControllerBase
                {
                    private static readonly ConcurrentDictionary<string, AmazonDynamoDBClient> SharedDynamoDBClients = new ConcurrentDictionary<string, AmazonDynamoDBClient>();
                    private readonly IConfiguration _config;

                    public OrdersController(IConfiguration config)
                    {
                        _config = config;
                    }

                    public async Task<IActionResult> List()
                    {
                        var client = SharedDynamoDBClients.GetOrAdd(_config["Region"], systemName => new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(systemName)));
                        return Ok((await client.ListTablesAsync()).TableNames);
                    }

                    public async Task<IActionResult> Describe()
                    {
                        var client = SharedDynamoDBClients.GetOrAdd(_config["ReplicaRegion"], systemName => new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(systemName)));
                        var response = await client.DescribeTableAsync("Orders");
                        return Ok(response.Table);
                    }
                }
                """, "DLA4002.StaticCacheBySetting");
        }

        [Fact]
        public async Task ClientReadingTwoSettingsOrAStaticRegion_NoCache()
        {
            // Look-alikes: a client reading two settings of the call (no single key) and one with a fixed region (the
            // static field applies): the cache's action is not offered, so asking for it changes nothing.
            const string source = """
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.Runtime;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private readonly string _region = "eu-west-1";
                    private readonly string _serviceUrl = "";

                    public IActionResult Get()
                    {
                        var config = new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(_region), ServiceURL = _serviceUrl };
                        using var a = [|new AmazonDynamoDBClient(config)|];
                        using var b = [|new AmazonDynamoDBClient(RegionEndpoint.EUWest1)|];
                        return Ok();
                    }
                }
                """;
            await Verify<ReuseAwsServiceClientsAnalyzer>.CodeFixAsync<ReuseAwsServiceClientsFixer>(source, source, "DLA4002.StaticCacheBySetting");
        }
    }
}
