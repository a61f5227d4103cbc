using System.Threading.Tasks;
using DataLayerAnalyzers.CodeFixes.Encryption;
using DataLayerAnalyzers.Encryption;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;
using VerifyCS = DataLayerAnalyzers.Tests.Verification.Verify<DataLayerAnalyzers.Encryption.UseCustomerManagedKeyForDynamoDbAnalyzer>;

namespace DataLayerAnalyzers.Tests.Encryption
{
    public class UseCustomerManagedKeyForDynamoDbTests
    {
        private static string Code(string body) => $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;

            class TableSetup
            {
                private const bool UseKms = false;
                private readonly IAmazonDynamoDB _dynamo;

                public TableSetup(IAmazonDynamoDB dynamo) => _dynamo = dynamo;

            {{body}}
            }
            """;

        [Fact]
        public async Task NoSpecification_Reports()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _dynamo.CreateTableAsync({|#0:new CreateTableRequest|} { TableName = "Orders", BillingMode = BillingMode.PAY_PER_REQUEST });
                        var keys = new List<KeySchemaElement> { new KeySchemaElement("OrderId", KeyType.HASH) };
                        var request = [|new CreateTableRequest|]("Audit", keys);
                        await _dynamo.CreateTableAsync(request);
                    }
                """);
            await VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic("DLA3007").WithLocation(0).WithArguments("This CreateTableRequest", "add an SSESpecification of type KMS to control the key"));
        }

        [Fact]
        public async Task OwnedKeySpecifications_Reports()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "A", SSESpecification = new SSESpecification { [|SSEType = SSEType.AES256|] } });
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "B", SSESpecification = new SSESpecification { [|Enabled = UseKms|] } });
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "C", [|SSESpecification = new SSESpecification()|] });
                        var request = new CreateTableRequest { TableName = "D", SSESpecification = new SSESpecification { SSEType = SSEType.KMS } };
                        [|request.SSESpecification.SSEType = "AES256"|];
                        await _dynamo.CreateTableAsync(request);
                    }
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task KmsOrUnknownSpecification_NoDiagnostic()
        {
            var source = Code("""
                    public async Task CreateAsync(SSESpecification fromPolicy, string keyArn)
                    {
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "A", SSESpecification = new SSESpecification { Enabled = true } });
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "B", SSESpecification = new SSESpecification { SSEType = SSEType.KMS, KMSMasterKeyId = keyArn } });
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "C", SSESpecification = fromPolicy });
                        var sse = new SSESpecification { Enabled = true, SSEType = SSEType.KMS };
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "D", SSESpecification = sse });
                        var request = new CreateTableRequest { TableName = "E" };
                        request.SSESpecification = new SSESpecification { Enabled = true, SSEType = "KMS" };
                        await _dynamo.CreateTableAsync(request);
                    }

                    public CreateTableRequest Template() => new CreateTableRequest { TableName = "Orders" };
                """);
            await VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public async Task MissingAndOwnedKey_Fixes()
        {
            var source = Code("""
                    public async Task CreateAsync()
                    {
                        await _dynamo.CreateTableAsync([|new CreateTableRequest|] { TableName = "Orders" });
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "Audit", SSESpecification = new SSESpecification { [|SSEType = SSEType.AES256|] } });
                        var request = new CreateTableRequest { TableName = "Events" };
                        [|request.SSESpecification = new SSESpecification()|];
                        await _dynamo.CreateTableAsync(request);
                    }
                """);
            var fixedSource = Code("""
                    public async Task CreateAsync()
                    {
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "Orders", SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS } });
                        await _dynamo.CreateTableAsync(new CreateTableRequest { TableName = "Audit", SSESpecification = new SSESpecification { SSEType = SSEType.KMS } });
                        var request = new CreateTableRequest { TableName = "Events" };
                        request.SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS };
                        await _dynamo.CreateTableAsync(request);
                    }
                """);
            await VerifyCS.CodeFixAsync<UseCustomerManagedKeyForDynamoDbFixer>(source, fixedSource, UseCustomerManagedKeyForDynamoDbFixer.EquivalenceKey);
        }

        [Fact]
        public async Task WithoutServiceNamespaceImport_FixKeepsQualifiedName()
        {
            var source = """
                using Amazon.DynamoDBv2.Model;

                static class Tables
                {
                    public static System.Threading.Tasks.Task CreateAsync(Amazon.DynamoDBv2.IAmazonDynamoDB db) => db.CreateTableAsync([|new CreateTableRequest|] { TableName = "Orders" });
                }
                """;
            var fixedSource = """
                using Amazon.DynamoDBv2.Model;

                static class Tables
                {
                    public static System.Threading.Tasks.Task CreateAsync(Amazon.DynamoDBv2.IAmazonDynamoDB db) => db.CreateTableAsync(new CreateTableRequest { TableName = "Orders", SSESpecification = new SSESpecification { Enabled = true, SSEType = Amazon.DynamoDBv2.SSEType.KMS } });
                }
                """;
            await VerifyCS.CodeFixAsync<UseCustomerManagedKeyForDynamoDbFixer>(source, fixedSource, UseCustomerManagedKeyForDynamoDbFixer.EquivalenceKey);
        }
    }
}
