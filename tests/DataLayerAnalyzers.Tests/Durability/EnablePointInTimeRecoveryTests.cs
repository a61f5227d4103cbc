using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Durability;
using DataLayerAnalyzers.Durability;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Durability.EnablePointInTimeRecoveryAnalyzer>;

namespace DataLayerAnalyzers.Tests.Durability
{
    public class EnablePointInTimeRecoveryTests
    {
        private static string Code(string body) => $$"""
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class TableSetup
            {
                private const bool Pitr = false;
                private readonly IAmazonDynamoDB _dynamo;

                public TableSetup(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

            {{body}}
            }
            """;

        [Fact]
        public async Task NestedCreation_Reports()
        {
            var source = Code("""
                    public Task DisableAsync() => _dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
                    {
                        TableName = "Orders",
                        PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { {|#0:PointInTimeRecoveryEnabled = false|} },
                    });
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA5006").WithLocation(0).WithArguments("PointInTimeRecoveryEnabled = false turns off continuous backups"));
        }

        [Fact]
        public async Task LocalSpecificationConstantAndLaterAssignments_Reports()
        {
            var source = Code("""
                    public async Task DisableAsync(UpdateContinuousBackupsRequest incoming)
                    {
                        var specification = new PointInTimeRecoverySpecification { [|PointInTimeRecoveryEnabled = Pitr|] };
                        await _dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = "Orders", PointInTimeRecoverySpecification = specification });

                        var request = new UpdateContinuousBackupsRequest { TableName = "Audit", PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification() };
                        var enabled = false;
                        [|request.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled = enabled|];
                        await _dynamo.UpdateContinuousBackupsAsync(request);

                        [|incoming.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled = false|];
                        await _dynamo.UpdateContinuousBackupsAsync(incoming);
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task EnabledUnknownOrReplaced_NoDiagnostic()
        {
            var source = Code("""
                    public async Task EnableAsync(bool enabled, PointInTimeRecoverySpecification fromCaller)
                    {
                        await _dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
                        {
                            TableName = "Orders",
                            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true, RecoveryPeriodInDays = 35 },
                        });
                        await _dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = enabled } });
                        var request = new UpdateContinuousBackupsRequest { PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = false } };
                        request.PointInTimeRecoverySpecification = fromCaller;
                        await _dynamo.UpdateContinuousBackupsAsync(request);
                        var unused = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = false };
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task Disabled_Fixes()
        {
            var source = Code("""
                    public async Task DisableAsync()
                    {
                        await _dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
                        {
                            TableName = "Orders",
                            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { [|PointInTimeRecoveryEnabled = false|] },
                        });
                        var request = new UpdateContinuousBackupsRequest { TableName = "Audit", PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification() };
                        [|request.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled = Pitr|];
                        await _dynamo.UpdateContinuousBackupsAsync(request);
                    }
                """);
            var fixedSource = Code("""
                    public async Task DisableAsync()
                    {
                        await _dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
                        {
                            TableName = "Orders",
                            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
                        });
                        var request = new UpdateContinuousBackupsRequest { TableName = "Audit", PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification() };
                        request.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled = true;
                        await _dynamo.UpdateContinuousBackupsAsync(request);
                    }
                """);
            await VerifyCS.CodeFixAsync<EnablePointInTimeRecoveryFixer>(source, fixedSource, EnablePointInTimeRecoveryFixer.EquivalenceKey);
        }
    }
}
