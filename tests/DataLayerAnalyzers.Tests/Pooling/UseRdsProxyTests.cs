using System.Threading.Tasks;
using DataLayerAnalyzers.Pooling;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Pooling
{
    public class UseRdsProxyTests
    {
        private const string Usings = """
            using System;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Npgsql;

            """;

        private static Task RunAsync(string source, params DiagnosticResult[] expected)
            => Verify<UseRdsProxyFromLambdaAnalyzer>.AnalyzerAsync(Usings + source, expected);

        [Fact]
        public async Task HandlerOpeningClusterEndpoint_Reports()
        {
            await RunAsync("""
                public class Function
                {
                    public async Task<int> Handler(string input, ILambdaContext context)
                    {
                        await using var connection = new NpgsqlConnection({|#0:"Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Username=app;Database=ledger"|});
                        await connection.OpenAsync();
                        return 1;
                    }
                }
                """,
                Verify<UseRdsProxyFromLambdaAnalyzer>.Diagnostic("DLA4005").WithLocation(0).WithArguments("ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com"));
        }

        [Fact]
        public async Task FunctionClassFieldAndConstructorThroughConstant_Reports()
        {
            await RunAsync("""
                public class Function
                {
                    private const string Db = [|"Host=ledger.c9akciq32.eu-west-1.rds.amazonaws.com;Port=5432;Username=app"|];
                    private static readonly NpgsqlDataSource Source = NpgsqlDataSource.Create(Db);
                    private readonly NpgsqlDataSource _other;

                    public Function()
                    {
                        _other = NpgsqlDataSource.Create([|"Server=reports.cluster-ro-c9akciq32.eu-west-1.rds.amazonaws.com;Username=app"|]);
                    }

                    public Task<string> Handler(string input, ILambdaContext context) => Task.FromResult(input);
                }
                """);
        }

        [Fact]
        public async Task ClassConstructedByTheFunction_Reports()
        {
            await RunAsync("""
                public class LedgerRepository
                {
                    public NpgsqlConnection Open() => new NpgsqlConnection([|"Host=ledger.c9akciq32.eu-west-1.rds.amazonaws.com;Username=app"|]);
                }

                public class Function
                {
                    private readonly LedgerRepository _repository = new LedgerRepository();

                    public async Task Handler(ILambdaContext context)
                    {
                        await using var connection = _repository.Open();
                    }
                }
                """);
        }

        [Fact]
        public async Task TypedBuilderHostAndOtherProviders_Reports()
        {
            await RunAsync("""
                public class Function
                {
                    public void Handler(ILambdaContext context)
                    {
                        var builder = new NpgsqlConnectionStringBuilder { [|Host = "ledger.c9akciq32.eu-west-1.rds.amazonaws.com"|], Username = "app" };
                        using var pg = new NpgsqlConnection(builder.ConnectionString);
                        using var mysql = new MySqlConnector.MySqlConnection([|"Server=shop.c9akciq32.eu-west-1.rds.amazonaws.com;User ID=app"|]);
                        using var sql = new Microsoft.Data.SqlClient.SqlConnection([|"Data Source=tcp:crm.c9akciq32.eu-west-1.rds.amazonaws.com,1433;User ID=app"|]);
                    }
                }
                """);
        }

        [Fact]
        public async Task LambdaAnnotationsFunction_Reports()
        {
            await RunAsync("""
                namespace Amazon.Lambda.Annotations
                {
                    [AttributeUsage(AttributeTargets.Method)]
                    public class LambdaFunctionAttribute : Attribute { }
                }

                public class Functions
                {
                    [Amazon.Lambda.Annotations.LambdaFunction]
                    public int Count()
                    {
                        using var connection = new NpgsqlConnection([|"Host=ledger.c9akciq32.eu-west-1.rds.amazonaws.com;Username=app"|]);
                        return 0;
                    }
                }
                """);
        }

        [Fact]
        public async Task ProxyEndpointsVariablesAndLocalHosts_NoDiagnostic()
        {
            await RunAsync("""
                public class Function
                {
                    public void Handler(ILambdaContext context)
                    {
                        using var a = new NpgsqlConnection("Host=ledger-proxy.proxy-c9akciq32.eu-west-1.rds.amazonaws.com;Username=app");
                        using var b = new NpgsqlConnection("Host=reader.endpoint.proxy-c9akciq32.eu-west-1.rds.amazonaws.com;Username=app");
                        using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("LEDGER_DB"));
                        using var d = new NpgsqlConnection("Host=localhost;Username=app");
                        using var e = new NpgsqlConnection("Host=" + Environment.GetEnvironmentVariable("DB_HOST") + ";Username=app");
                        using var f = new NpgsqlConnection("Host=db.example.com;Username=app");
                    }
                }
                """);
        }

        [Fact]
        public async Task SameEndpointOutsideLambda_NoDiagnostic()
        {
            await RunAsync("""
                public class LedgerController : Microsoft.AspNetCore.Mvc.ControllerBase
                {
                    public int Get()
                    {
                        using var connection = new NpgsqlConnection("Host=ledger.c9akciq32.eu-west-1.rds.amazonaws.com;Username=app");
                        return 1;
                    }
                }

                public class Worker
                {
                    public NpgsqlDataSource Create() => NpgsqlDataSource.Create("Host=ledger.c9akciq32.eu-west-1.rds.amazonaws.com;Username=app");
                    public void Handler(object context) { }
                }

                public class Function
                {
                    public Task Handler(ILambdaContext context) => Task.CompletedTask;
                }
                """);
        }

        [Fact]
        public async Task LambdaLibraryNotReferenced_NoDiagnostic()
        {
            var test = new AnalyzerTest<UseRdsProxyFromLambdaAnalyzer> { References = ReferenceSet.FrameworkOnly };
            test.TestCode = """
                public interface ILambdaContext { }
                public class Function
                {
                    public string Handler(ILambdaContext context) => "Host=ledger.c9akciq32.eu-west-1.rds.amazonaws.com";
                }
                """;
            await test.RunAsync();
        }

        [Fact]
        public async Task HalfTypedCode_NoCrash()
        {
            var test = new AnalyzerTest<UseRdsProxyFromLambdaAnalyzer> { AllowCompilerErrors = true };
            test.TestCode = Usings + """
                public class Function : Missing
                {
                    private readonly Unknown _x = new Unknown(new NpgsqlConnection("Host=" + ));
                    public void Handler(ILambdaContext context, )
                    {
                        using var a = new NpgsqlConnection(;
                        var b = new NpgsqlConnectionStringBuilder { Host = };
                        new Function().Handler(context);
                    }
                }
                """;
            await test.RunAsync();
        }
    }
}
