using System.Threading.Tasks;
using DataLayerAnalyzers.Credentials;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Credentials
{
    public class DoNotStoreSecretsInConfigurationFilesTests
    {
        private static Task Analyze(string fileName, string json, params string[] globalConfig)
        {
            var test = new AnalyzerTest<DoNotStoreSecretsInConfigurationFilesAnalyzer> { TestCode = "class Program { }" };
            test.AdditionalFiles.Add((fileName, json));
            test.GlobalConfig.AddRange(globalConfig);
            return test.RunAsync();
        }

        [Fact]
        public async Task PasswordsInConnectionStrings_Report()
        {
            await Analyze("appsettings.json", """
                {
                  "ConnectionStrings": {
                    "Ledger": [|"Host=ledger.cluster-abc.eu-west-1.rds.amazonaws.com;Database=ledger;Username=app;Password=Sup3rSecret!"|],
                    "Orders": [|"Server=orders.rds.amazonaws.com;Database=orders;User ID=app;PWD=Sup3rSecret!"|],
                    "Cache": [|"ledger-cache.abc.cache.amazonaws.com:6380,ssl=true,password=Sup3rSecret!"|]
                  },
                  "Reporting": { "Source": [|"Server=reports.rds.amazonaws.com;Uid=app;Pwd=Sup3rSecret!"|] },
                  "Sessions": { "Redis": [|"sessions.abc.cache.amazonaws.com:6380,ssl=true,password=Sup3rSecret!"|] }
                }
                """);
        }

        [Fact]
        public async Task SafeValues_NoDiagnostic()
        {
            await Analyze("appsettings.Production.json", """
                {
                  /* Values filled at deploy time or read from Secrets Manager. */
                  "ConnectionStrings": {
                    "Ledger": "Host=ledger.rds.amazonaws.com;Database=ledger;Username=app",
                    "Token": "Host=ledger.rds.amazonaws.com;Password=${DB_PASSWORD}",
                    "Empty": "Host=ledger.rds.amazonaws.com;Password=",
                    "Local": "Host=localhost;Password=postgres",
                    "Windows": "Server=reports.rds.amazonaws.com;Integrated Security=true;Password=x"
                  },
                  "Secrets": { "LedgerSecretId": "prod/ledger/db" },
                  "Greeting": "Password=Sup3rSecret! is what the demo prints",
                  "Motto": "Hello, password=Sup3rSecret!"
                }
                """);
        }

        [Fact]
        public async Task DevelopmentFile_SkippedByDefault()
        {
            await Analyze("appsettings.Development.json", """
                { "ConnectionStrings": { "Ledger": "Host=dev-ledger.rds.amazonaws.com;Password=Sup3rSecret!" } }
                """);
        }

        [Fact]
        public async Task DevelopmentFileWithOption_Reports()
        {
            await Analyze("appsettings.Development.json", """
                { "ConnectionStrings": { "Ledger": [|"Host=dev-ledger.rds.amazonaws.com;Password=Sup3rSecret!"|] } }
                """, "dotnet_code_quality.DLA2003.include_development_files = true");
        }

        [Fact]
        public async Task LoopbackWithOptionOff_Reports()
        {
            await Analyze("appsettings.json", """
                { "ConnectionStrings": { "Ledger": [|"Host=localhost;Password=postgres"|] } }
                """, "dotnet_code_quality.datalayer.skip_loopback_hosts = false");
        }

        [Fact]
        public async Task AwsKeyPair_ReportsTheSecretKey()
        {
            await Analyze("appsettings.json", """
                {
                  "AWS": {
                    "Region": "eu-west-1",
                    "AccessKey": "AKIAZ7QW3XK4N5PLM2RT",
                    "SecretKey": [|"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"|]
                  }
                }
                """);
        }

        [Fact]
        public async Task KeyShapesThatAreNotAPair_NoDiagnostic()
        {
            await Analyze("appsettings.json", """
                {
                  "Example": { "AccessKey": "AKIAIOSFODNN7EXAMPLE", "SecretKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
                  "Lonely": { "Hash": "q8Jz2Lw5Vn0Xc3Bp7Rt1Yk9Hm4Gd6Fs2Ae8Ui5Ox" },
                  "Apart": { "AccessKey": "AKIAZ7QW3XK4N5PLM2RT" },
                  "Other": { "SecretKey": "q8Jz2Lw5Vn0Xc3Bp7Rt1Yk9Hm4Gd6Fs2Ae8Ui5Ox" },
                  "Local": { "AccessKey": "fake", "SecretKey": "fake" }
                }
                """);
        }

        [Fact]
        public async Task EscapedJson_IsReadLikeTheConfigurationReader()
        {
            await Analyze("appsettings.json", """
                { "ConnectionStrings": { "Ledger": [|"Host=ledger.rds.amazonaws.com;Password=\u0053up3r\"Secret"|] } }
                """);
        }

        [Fact]
        public async Task MessageNamesTheKindAndFileNeverTheValue()
        {
            var test = new AnalyzerTest<DoNotStoreSecretsInConfigurationFilesAnalyzer> { TestCode = "class Program { }" };
            test.AdditionalFiles.Add(("appsettings.json", """{ "ConnectionStrings": { "Ledger": {|#0:"Host=ledger.rds.amazonaws.com;Password=Sup3rSecret!"|} } }"""));
            test.ExpectedDiagnostics.Add(Verify<DoNotStoreSecretsInConfigurationFilesAnalyzer>.Diagnostic("DLA2003").WithLocation(0)
                .WithMessage("A database password ('Password') is stored in 'appsettings.json': keep it in Secrets Manager or use IAM authentication"));
            await test.RunAsync();
        }

        [Fact]
        public async Task OtherJsonFiles_NoDiagnostic()
        {
            await Analyze("launchSettings.json", """
                { "ConnectionStrings": { "Ledger": "Host=ledger.rds.amazonaws.com;Password=Sup3rSecret!" } }
                """);
        }
    }
}
