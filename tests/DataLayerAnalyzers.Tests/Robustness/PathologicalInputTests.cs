using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DataLayerAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Pathological inputs, each analysed by every analyzer of the package: they must finish with no analyzer exception
    /// (AD0001) and no process crash (a stack overflow would end the test run). Each source also holds a canary finding
    /// (a hard-coded database password, or a secret in the configuration file) placed after the pathological part, so a
    /// passing test shows that the analyzers read past it rather than stopped early. Timing is measured in benchmarks/,
    /// never here.
    /// </summary>
    public class PathologicalInputTests
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = AllAnalyzers.Create();

        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Npgsql;

            """;

        /// <summary>Reported by DLA2002 wherever the analyzers got to the end of the source.</summary>
        private const string CanaryClass = """

            public static class Canary
            {
                public static void Open()
                {
                    using var connection = new NpgsqlConnection("Host=ledger.rds.amazonaws.com;Username=app;Password=Sup3rSecret!");
                }
            }
            """;

        private const string CanaryJsonSection = "\"ConnectionStrings\": { \"Ledger\": \"Host=ledger.rds.amazonaws.com;Username=app;Password=Sup3rSecret!\" }";

        [Fact]
        public async Task JsonNestedAMillionDeep_NeverThrows()
        {
            const int Depth = 1_000_000;
            var json = new StringBuilder(2 * Depth + 200)
                .Append("{ ").Append(CanaryJsonSection).Append(", \"Deep\": ")
                .Append('[', Depth).Append(']', Depth)
                .Append(" }")
                .ToString();
            var diagnostics = await AnalyzeAsync("class Program { }", json);
            Assert.Contains(diagnostics, d => d.Id == "DLA2003");

            // Objects nested as deep, never closed: malformed and deep at once.
            var objects = new StringBuilder().Append("{ ").Append(CanaryJsonSection).Append(", ");
            for (var i = 0; i < Depth / 10; i++)
            {
                objects.Append("\"a\": { ");
            }

            diagnostics = await AnalyzeAsync("class Program { }", objects.ToString());
            Assert.Contains(diagnostics, d => d.Id == "DLA2003");
        }

        [Fact]
        public async Task FiftyMegabyteAppSettings_NeverThrows()
        {
            var json = new StringBuilder(52 * 1024 * 1024).Append("{\n");
            for (var i = 0; json.Length < 50 * 1024 * 1024; i++)
            {
                json.Append("  \"Service").Append(i).Append("\": { \"Endpoint\": \"https://service").Append(i)
                    .Append(".example.com\", \"Timeout\": 30, \"Enabled\": true, \"Tags\": [\"a\", \"b\"], \"Name\": \"Service number ").Append(i).Append("\" },\n");
            }

            // The secret is the last entry: reported only if the whole file was read.
            json.Append("  ").Append(CanaryJsonSection).Append("\n}\n");
            Assert.True(json.Length > 50 * 1024 * 1024);
            var diagnostics = await AnalyzeAsync("class Program { }", json.ToString());
            Assert.Contains(diagnostics, d => d.Id == "DLA2003");
        }

        [Fact]
        public async Task OneMegabyteFilterExpressions_NeverThrow()
        {
            const int Size = 1024 * 1024;
            var nested = new string('(', Size / 2) + "#a = :v" + new string(')', Size / 2);
            var flat = string.Concat(Enumerable.Repeat("#a = :v AND ", Size / 12)) + "#a = :v";
            var notChain = string.Concat(Enumerable.Repeat("NOT ", Size / 4)) + "#a = :v";

            // Within DynamoDB's 4 KB limit, but nested far deeper than the parser follows.
            var deepButShort = new string('(', 2000) + "#a = :v" + new string(')', 2000);
            var source = Usings + $$"""
                public class Repo
                {
                    public Task<ScanResponse> Nested(IAmazonDynamoDB client) => Scan(client, "{{nested}}");
                    public Task<ScanResponse> Flat(IAmazonDynamoDB client) => Scan(client, "{{flat}}");
                    public Task<ScanResponse> Not(IAmazonDynamoDB client) => Scan(client, "{{notChain}}");
                    public Task<ScanResponse> DeepButShort(IAmazonDynamoDB client) => Scan(client, "{{deepButShort}}");

                    public async Task<ScanResponse> Inline(IAmazonDynamoDB client, string id)
                    {
                        var request = new ScanRequest
                        {
                            TableName = "Devices",
                            FilterExpression = "{{nested}}",
                            ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = "DeviceId" },
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":v"] = new AttributeValue { S = id } },
                        };
                        return await client.ScanAsync(request);
                    }

                    private static Task<ScanResponse> Scan(IAmazonDynamoDB client, string filter)
                        => client.ScanAsync(new ScanRequest { TableName = "Devices", FilterExpression = filter });
                }
                """ + CanaryClass;
            var diagnostics = await AnalyzeAsync(source);
            Assert.Contains(diagnostics, d => d.Id == "DLA2002");
        }

        [Fact]
        public async Task TenMegabyteStringLiterals_NeverThrow()
        {
            var filler = new string('x', 10 * 1024 * 1024);
            var source = Usings + $$"""
                public class Repo
                {
                    private const string Big = "{{filler}}";

                    public void Open()
                    {
                        using var connection = new NpgsqlConnection("Host=ledger.rds.amazonaws.com;Application Name={{filler}};Password=Sup3rSecret!");
                        using var second = new NpgsqlConnection("Host=ledger.rds.amazonaws.com;Password=" + Big);
                    }

                    public Task<ScanResponse> Scan(IAmazonDynamoDB client)
                        => client.ScanAsync(new ScanRequest { TableName = Big, FilterExpression = "#a = :v AND " + Big });

                    public IAmazonDynamoDB Client() => new AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials(Big, Big));
                }
                """ + CanaryClass;
            var diagnostics = await AnalyzeAsync(source);
            Assert.Contains(diagnostics, d => d.Id == "DLA2002");
        }

        /// <summary>
        /// 100,000-term constant concatenations and <c>&amp;&amp;</c> chains. A concatenation with non-constant terms has
        /// <see cref="MixedTerms"/>: the C# compiler's own binding of such a chain grows faster than linearly (20,000 terms
        /// took about 15 s to compile with no analyzer on the loaded 2-core machine), so 100,000 would time the compiler, not the rules.
        /// </summary>
        [Fact]
        public async Task HundredThousandTermConcatenations_NeverThrow()
        {
            const int Terms = 100_000;
            var mixed = new StringBuilder("\"Host=ledger.rds.amazonaws.com;\"");
            var constant = new StringBuilder("\"Host=ledger.rds.amazonaws.com;\"");
            var condition = new StringBuilder("snapshot.Encrypted == false");
            for (var i = 1; i < Terms; i++)
            {
                if (i < MixedTerms)
                {
                    mixed.Append(i % 2 == 0 ? " + \"x\"" : " + part");
                }

                constant.Append(" + \"y\"");
                condition.Append(" && flag");
            }

            var source = Usings + $$"""
                public class Repo
                {
                    private const string Constant = {{constant}};

                    public void Open(string part)
                    {
                        var text = {{mixed}};
                        using var connection = new NpgsqlConnection(text);
                        using var constant = new NpgsqlConnection(Constant + ";Password=Sup3rSecret!");
                    }

                    public async Task Copy(Amazon.RDS.IAmazonRDS rds, Amazon.RDS.Model.DBSnapshot snapshot, bool flag)
                    {
                        if ({{condition}})
                        {
                            await rds.CopyDBSnapshotAsync(new Amazon.RDS.Model.CopyDBSnapshotRequest { TargetDBSnapshotIdentifier = "copy" });
                        }
                    }
                }
                """ + CanaryClass;
            var diagnostics = await AnalyzeAsync(source);
            Assert.Contains(diagnostics, d => d.Id == "DLA2002");
        }

        [Fact]
        public async Task FiftyThousandLineMethod_NeverThrows()
        {
            var body = new StringBuilder();
            const int LinesPerBlock = 10;
            for (var i = 0; i < (50_000 / LinesPerBlock) + 1; i++)
            {
                body.Append($$"""
                            var connection{{i}} = new NpgsqlConnection(connectionString);
                            connection{{i}}.Open();
                            var client{{i}} = new AmazonDynamoDBClient();
                            var request{{i}} = new ScanRequest { TableName = "Devices", FilterExpression = "#s = :s{{i}}" };
                            request{{i}}.Limit = {{i}};
                            var response{{i}} = await client{{i}}.ScanAsync(request{{i}});
                            total += response{{i}}.Items.Count;
                            if (response{{i}}.LastEvaluatedKey.Count > 0) { total++; }
                            connection{{i}}.Dispose();
                            text = text + "{{i}};";

                """);
            }

            Assert.True(CountLines(body) >= 50_000);
            var source = Usings + $$"""
                public class Repo
                {
                    public async Task<int> Everything(string connectionString)
                    {
                        var total = 0;
                        var text = "";
                {{body}}
                        return total + text.Length;
                    }
                }
                """ + CanaryClass;
            var diagnostics = await AnalyzeAsync(source);
            Assert.Contains(diagnostics, d => d.Id == "DLA2002");
        }

        /// <summary>
        /// Lambdas and object initializers nested <see cref="NestingDepth"/> deep: the deepest the C# compiler itself survives.
        /// Roslyn 4.14's own IOperation factory (SemanticModel.GetOperation, which every operation-based analyzer of any
        /// package triggers) overflows a 1.5 MB thread stack at about 250 nested lambdas, with no analyzer involved
        /// (measured with a stand-alone compilation: 200 passes, 250 and 300 end the process). Deeper input takes the host
        /// down before any rule of this package runs.
        /// </summary>
        [Fact]
        public async Task DeeplyNestedLambdasAndInitializers_NeverThrow()
        {
            var lambdas = new StringBuilder();
            for (var i = 0; i < NestingDepth; i++)
            {
                lambdas.Append("(Func<int, object>)(a").Append(i).Append(" => ");
            }

            lambdas.Append("new AmazonDynamoDBClient(new AmazonDynamoDBConfig { ServiceURL = \"http://dynamodb.eu-west-1.amazonaws.com\" })");
            lambdas.Append(')', NestingDepth);

            var initializers = new StringBuilder();
            for (var i = 0; i < NestingDepth; i++)
            {
                initializers.Append("new Holder { Inner = ");
            }

            initializers.Append("new Holder { Client = new AmazonDynamoDBClient(), Connection = new NpgsqlConnection(\"Host=ledger.rds.amazonaws.com;SSL Mode=Disable\") }");
            for (var i = 0; i < NestingDepth; i++)
            {
                initializers.Append(" }");
            }

            var source = Usings + $$"""
                public class Holder
                {
                    public Holder? Inner { get; set; }
                    public IAmazonDynamoDB? Client { get; set; }
                    public NpgsqlConnection? Connection { get; set; }
                }

                public class Repo
                {
                    public object Lambdas() => {{lambdas}};

                    public Holder Initializers() => {{initializers}};
                }
                """ + CanaryClass;
            var diagnostics = await AnalyzeAsync(source);
            Assert.Contains(diagnostics, d => d.Id == "DLA2002");
        }

        private const int NestingDepth = 200;

        private const int MixedTerms = 5_000;

        private static int CountLines(StringBuilder text)
        {
            var lines = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lines++;
                }
            }

            return lines;
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? appSettings = null)
        {
            var compilation = AllAnalyzers.Compile(Analyzers, source);
            var additional = appSettings is null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/src/appsettings.json", appSettings));
            return await AllAnalyzers.RunAsync(compilation, Analyzers, additional);
        }
    }
}
