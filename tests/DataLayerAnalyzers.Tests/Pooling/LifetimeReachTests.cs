using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Pooling.ReuseAwsServiceClientsAnalyzer>;

namespace DataLayerAnalyzers.Tests.Pooling
{
    /// <summary>
    /// Objects created per call that the lifetime engine used to let go: lambda capture, loops over a value inside
    /// per-call code, .NET Framework controllers, message handlers, and lifetime read from the compilation's call graph.
    /// </summary>
    public class LifetimeReachTests
    {
        /// <summary>Minimal stand-ins with the real metadata names (the test compilation does not reference these libraries).</summary>
        private const string FrameworkStandIns = """

            namespace System.Web.Mvc { public abstract class Controller { } public class ActionResult { } }
            namespace System.Web.Http { public abstract class ApiController { } }
            namespace NServiceBus
            {
                public interface IMessageHandlerContext { }
                public interface IHandleMessages<T> { System.Threading.Tasks.Task Handle(T message, IMessageHandlerContext context); }
            }
            namespace MassTransit
            {
                public interface ConsumeContext<T> { T Message { get; } }
                public interface IConsumer<T> where T : class { System.Threading.Tasks.Task Consume(ConsumeContext<T> context); }
            }
            """;

        [Fact]
        public async Task CreatedAndDisposedThenCapturedByLambda_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;

                public class Exporter
                {
                    public async Task Export(Func<Func<IAmazonDynamoDB>, Task> run)
                    {
                        using var client = {|#0:new AmazonDynamoDBClient()|};
                        await run(() => client);
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient", "and disposed in every call of 'Export'"));
        }

        [Fact]
        public async Task CapturedByLambdaNotDisposed_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System;
                using Amazon.DynamoDBv2;

                public class ClientSource
                {
                    public Func<IAmazonDynamoDB> Provide()
                    {
                        var client = new AmazonDynamoDBClient();
                        return () => client;
                    }
                }
                """);
        }

        [Fact]
        public async Task ClientPerLoopValueInLambdaHandler_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.Core;

                public class Function
                {
                    public async Task Handler(string[] regions, ILambdaContext context)
                    {
                        foreach (var region in regions)
                        {
                            using var client = {|#0:new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region))|};
                            await client.ListTablesAsync();
                        }
                    }
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient",
                    "inside a loop, once per iteration value, in Lambda function handler 'Handler', on every invocation"));
        }

        [Fact]
        public async Task ClientPerLoopValue_CacheKeyedByTheValue()
        {
            // A static readonly field cannot hold one client per region: the fix is a static cache keyed by the value.
            await VerifyCS.CodeFixAsync<ReuseAwsServiceClientsFixer>("""
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.Core;

                public class Function
                {
                    public async Task Handler(string[] regions, ILambdaContext context)
                    {
                        foreach (var region in regions)
                        {
                            using var client = [|new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region))|];
                            await client.ListTablesAsync();
                        }
                    }
                }
                """, """
                using System.Collections.Concurrent;
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.Lambda.Core;

                public class Function
                {
                    private static readonly ConcurrentDictionary<string, AmazonDynamoDBClient> SharedDynamoDBClients = new ConcurrentDictionary<string, AmazonDynamoDBClient>();

                    public async Task Handler(string[] regions, ILambdaContext context)
                    {
                        foreach (var region in regions)
                        {
                            var client = SharedDynamoDBClients.GetOrAdd(region, systemName => new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(systemName)));
                            await client.ListTablesAsync();
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task ClientPerLoopValueAtStartupOrInPlainMethod_NoDiagnostic()
        {
            await new AnalyzerTest<ReuseAwsServiceClientsAnalyzer>
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;
                    using Amazon;
                    using Amazon.DynamoDBv2;

                    public static class Program
                    {
                        private static readonly Dictionary<string, IAmazonDynamoDB> Clients = new();

                        public static async Task Main(string[] args)
                        {
                            foreach (var region in args)
                            {
                                using var client = new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region));
                                await client.ListTablesAsync();
                            }
                        }

                        public static IAmazonDynamoDB For(string region)
                        {
                            if (!Clients.TryGetValue(region, out var client))
                            {
                                client = new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region));
                                Clients[region] = client;
                            }

                            return client;
                        }
                    }
                    """,
                OutputKind = OutputKind.ConsoleApplication,
            }.RunAsync();
        }

        [Fact]
        public async Task ClientInLambdaHandlerWrittenAsTopLevelLambda_Reports()
        {
            await new AnalyzerTest<ReuseAwsServiceClientsAnalyzer>
            {
                TestCode = """
                    using System;
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;
                    using Amazon.Lambda.Core;

                    var shared = new AmazonDynamoDBClient();
                    Func<string, ILambdaContext, Task> handler = async (input, context) =>
                    {
                        using var client = {|#0:new AmazonDynamoDBClient()|};
                        await client.ListTablesAsync();
                    };
                    await handler("", null!);
                    """,
                OutputKind = OutputKind.ConsoleApplication,
                ExpectedDiagnostics =
                {
                    VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient", "in a Lambda function handler lambda, on every invocation"),
                },
            }.RunAsync();
        }

        [Fact]
        public async Task NetFrameworkMvcAndWebApiControllers_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;

                public class HomeController : System.Web.Mvc.Controller
                {
                    public async Task<System.Web.Mvc.ActionResult> Index()
                    {
                        var client = {|#0:new AmazonDynamoDBClient()|};
                        await client.ListTablesAsync();
                        return new System.Web.Mvc.ActionResult();
                    }
                }

                public class OrdersController : System.Web.Http.ApiController
                {
                    private readonly IAmazonDynamoDB _client = {|#1:new AmazonDynamoDBClient()|};
                }
                """ + FrameworkStandIns,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient", "in controller method 'Index', on every request"),
                VerifyCS.Diagnostic("DLA4002").WithLocation(1).WithArguments("AmazonDynamoDBClient", "in a field initializer of controller 'OrdersController', which is created for every request"));
        }

        [Fact]
        public async Task NServiceBusAndMassTransitHandlers_Report()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;

                public class OrderPlaced { }

                public class OrderPlacedHandler : NServiceBus.IHandleMessages<OrderPlaced>
                {
                    public async Task Handle(OrderPlaced message, NServiceBus.IMessageHandlerContext context)
                    {
                        var client = {|#0:new AmazonDynamoDBClient()|};
                        await client.ListTablesAsync();
                    }
                }

                public class OrderPlacedConsumer : MassTransit.IConsumer<OrderPlaced>
                {
                    private readonly IAmazonDynamoDB _client;
                    public OrderPlacedConsumer() { _client = {|#1:new AmazonDynamoDBClient()|}; }
                    public Task Consume(MassTransit.ConsumeContext<OrderPlaced> context) => _client.ListTablesAsync();
                }
                """ + FrameworkStandIns,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient", "in message handler 'OrderPlacedHandler.Handle', on every message"),
                VerifyCS.Diagnostic("DLA4002").WithLocation(1).WithArguments("AmazonDynamoDBClient", "and stored in an instance of message handler 'OrderPlacedConsumer', which is created for every message"));
        }

        [Fact]
        public async Task HandlerUsingSingletonClient_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;

                public class OrderPlaced { }

                public class OrderPlacedHandler : NServiceBus.IHandleMessages<OrderPlaced>
                {
                    private static readonly IAmazonDynamoDB Client = new AmazonDynamoDBClient();
                    private readonly IAmazonDynamoDB _injected;
                    public OrderPlacedHandler(IAmazonDynamoDB injected) { _injected = injected; }
                    public Task Handle(OrderPlaced message, NServiceBus.IMessageHandlerContext context) => Client.ListTablesAsync();
                }
                """ + FrameworkStandIns);
        }

        [Fact]
        public async Task ClassBuiltOnlyFromPerCallCode_Reports()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    [HttpGet]
                    public IActionResult Get() => Ok(new OrderService().Count());
                }

                public class OrderService
                {
                    private readonly Driver _driver = new Driver();
                    public int Count() => _driver.Count();
                }

                public class Driver
                {
                    private readonly IAmazonDynamoDB _client = {|#0:new AmazonDynamoDBClient()|};
                    public int Count() => 0;
                }
                """,
                VerifyCS.Diagnostic("DLA4002").WithLocation(0).WithArguments("AmazonDynamoDBClient",
                    "in a field initializer of 'Driver', which is built in a field initializer of 'OrderService', which is built in controller method 'Get', on every request"));
        }

        [Fact]
        public async Task ClassAlsoBuiltOnceOrNeverSeen_NoDiagnostic()
        {
            await VerifyCS.AnalyzerAsync("""
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Mvc;

                public class OrdersController : ControllerBase
                {
                    private static readonly Driver Shared = new Driver();

                    [HttpGet]
                    public IActionResult Get() => Ok(new Driver().Count() + Shared.Count());
                }

                public class Driver
                {
                    private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();
                    public int Count() => 0;
                }

                public class NeverBuiltHere
                {
                    private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();
                }
                """);
        }

        [Fact]
        public async Task MethodCalledOnlyFromMain_NoDiagnostic()
        {
            await new AnalyzerTest<ReuseAwsServiceClientsAnalyzer>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;

                    public static class Program
                    {
                        public static Task Main() => new Sample().RunAsync();
                    }

                    public class Sample
                    {
                        public async Task RunAsync()
                        {
                            using var client = new AmazonDynamoDBClient();
                            await client.ListTablesAsync();
                            await SeedAsync();
                        }

                        private async Task SeedAsync()
                        {
                            using var client = new AmazonDynamoDBClient();
                            await client.ListTablesAsync();
                        }
                    }
                    """,
                OutputKind = OutputKind.ConsoleApplication,
            }.RunAsync();
        }

        [Fact]
        public async Task MethodCalledFromMainAndFromController_Reports()
        {
            await new AnalyzerTest<ReuseAwsServiceClientsAnalyzer>
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.DynamoDBv2;
                    using Microsoft.AspNetCore.Mvc;

                    public static class Program
                    {
                        public static Task Main() => new Sample().RunAsync();
                    }

                    public class OrdersController : ControllerBase
                    {
                        [HttpGet]
                        public async Task<IActionResult> Get() { await new Sample().RunAsync(); return Ok(); }
                    }

                    public class Sample
                    {
                        public async Task RunAsync()
                        {
                            using var client = [|new AmazonDynamoDBClient()|];
                            await client.ListTablesAsync();
                        }
                    }
                    """,
                OutputKind = OutputKind.ConsoleApplication,
            }.RunAsync();
        }
    }
}
