using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using DataLayerAnalyzers.Tests.Robustness;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DataLayerAnalyzers.Tests.CleanCode
{
    /// <summary>
    /// Every analyzer over realistic, correct data-layer code must stay silent: a false positive here is a bug in the rule.
    /// </summary>
    public class CleanCodeTests
    {
        private const string LedgerCode = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Npgsql;

            namespace Ledger
            {
                public sealed class LedgerTransaction
                {
                    public Guid Id { get; set; }
                    public DateTime Date { get; set; }
                    public string Description { get; set; } = "";
                    public string Type { get; set; } = "";
                    public decimal Amount { get; set; }
                }

                public sealed class LedgerContext : DbContext
                {
                    public LedgerContext(DbContextOptions<LedgerContext> options) : base(options) { }
                    public DbSet<LedgerTransaction> Transactions => Set<LedgerTransaction>();
                }

                public static class Startup
                {
                    public static void Register(IServiceCollection services, IConfiguration configuration)
                    {
                        var builder = new NpgsqlDataSourceBuilder(configuration.GetConnectionString("Ledger"));
                        builder.UsePeriodicPasswordProvider(
                            (settings, ct) => new ValueTask<string>(configuration["Ledger:Token"] ?? ""),
                            TimeSpan.FromMinutes(10),
                            TimeSpan.FromSeconds(10));
                        var dataSource = builder.Build();
                        services.AddSingleton(dataSource);
                        services.AddDbContext<LedgerContext>(options => options.UseNpgsql(dataSource));
                        services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
                    }
                }

                public sealed class TransactionRepository
                {
                    private readonly NpgsqlDataSource _dataSource;

                    public TransactionRepository(NpgsqlDataSource dataSource) => _dataSource = dataSource;

                    public async Task<decimal> BalanceAsync(Guid account, CancellationToken ct)
                    {
                        await using var connection = await _dataSource.OpenConnectionAsync(ct);
                        await using var command = new NpgsqlCommand("SELECT COALESCE(SUM(amount), 0) FROM transactions WHERE account_id = @a", connection);
                        command.Parameters.AddWithValue("a", account);
                        return (decimal)(await command.ExecuteScalarAsync(ct) ?? 0m);
                    }
                }

                public sealed class ReportConnections
                {
                    private const string Reports = "Server=reports.abc.eu-west-1.rds.amazonaws.com;Database=reports;Encrypt=True;Authentication=Active Directory Managed Identity";

                    public int Count()
                    {
                        using var connection = new Microsoft.Data.SqlClient.SqlConnection(Reports + ";Application Name=ledger");
                        connection.Open();
                        return 0;
                    }
                }

                public sealed class TelemetryRepository
                {
                    private readonly IAmazonDynamoDB _client;

                    public TelemetryRepository(IAmazonDynamoDB client) => _client = client;

                    public async Task<List<Dictionary<string, AttributeValue>>> ReadingsAsync(string deviceId, CancellationToken ct)
                    {
                        var request = new QueryRequest
                        {
                            TableName = "DeviceReadings",
                            KeyConditionExpression = "DeviceId = :device",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":device"] = new AttributeValue { S = deviceId } },
                        };
                        var items = new List<Dictionary<string, AttributeValue>>();
                        await foreach (var page in _client.Paginators.Query(request).Responses.WithCancellation(ct))
                        {
                            items.AddRange(page.Items);
                        }

                        return items;
                    }

                    public async Task<Dictionary<string, AttributeValue>?> LatestAsync(string deviceId, CancellationToken ct)
                    {
                        var response = await _client.GetItemAsync(new GetItemRequest
                        {
                            TableName = "DeviceReadings",
                            Key = new Dictionary<string, AttributeValue> { ["DeviceId"] = new AttributeValue { S = deviceId }, ["Timestamp"] = new AttributeValue { N = "0" } },
                        }, ct);
                        return response.Item;
                    }
                }
            }
            """;

        private const string AppSettings = """
            {
              "ConnectionStrings": {
                "Ledger": "Host=ledger.cluster-abc.eu-west-1.rds.amazonaws.com;Database=ledger;Username=ledger_app;SSL Mode=VerifyFull;Root Certificate=/certs/global-bundle.pem",
                "Reports": "Server=reports.abc.eu-west-1.rds.amazonaws.com;Database=reports;Encrypt=True",
                "Cache": "ledger-cache.abc.use1.cache.amazonaws.com:6379,ssl=true,abortConnect=false"
              },
              "Ledger": { "SecretId": "prod/ledger/db" },
              "Logging": { "LogLevel": { "Default": "Information" } }
            }
            """;

        [Fact]
        public async Task RealisticCorrectDataLayer_NoDiagnostic()
        {
            var tree = CSharpSyntaxTree.ParseText(LedgerCode, new CSharpParseOptions(LanguageVersion.Latest), "/src/Ledger.cs");
            var analyzers = AllAnalyzers.Create();
            var compilation = CSharpCompilation.Create(
                "Ledger",
                new[] { tree },
                TestReferences.Get(ReferenceSet.All),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                        .Select(id => new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn))));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));

            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/src/appsettings.json", AppSettings)));
            var diagnostics = await AnalyzerRunner.RunAsync(compilation, options, analyzers, default);
            Assert.True(diagnostics.IsEmpty, "False positives on correct code:\n" + string.Join("\n", diagnostics));
        }
    }
}
