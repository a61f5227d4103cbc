using System.Threading.Tasks;
using DataLayerAnalyzers.DynamoDB;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    public class HandleUnprocessedBatchItemsTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DocumentModel;
            using Amazon.DynamoDBv2.DataModel;

            """;

        [Fact]
        public async Task DiscardedOrOtherMembersOnly_Reports()
        {
            await Verify<HandleUnprocessedBatchItemsAnalyzer>.AnalyzerAsync(Usings + """
                class Repo
                {
                    async Task<int> Save(IAmazonDynamoDB client, Dictionary<string, List<WriteRequest>> items, Dictionary<string, KeysAndAttributes> keys)
                    {
                        await {|#0:client.BatchWriteItemAsync(new BatchWriteItemRequest(items))|};
                        await [|client.BatchWriteItemAsync(items)|];
                        _ = await [|client.BatchWriteItemAsync(items, CancellationToken.None)|];
                        var get = await {|#1:client.BatchGetItemAsync(new BatchGetItemRequest(keys))|};
                        var get2 = await [|client.BatchGetItemAsync(keys, ReturnConsumedCapacity.TOTAL)|];
                        var n = (await [|client.BatchGetItemAsync(keys)|]).Responses.Count;
                        return get.Responses.Count + get2.ConsumedCapacity.Count + n;
                    }
                }
                """,
                Verify<HandleUnprocessedBatchItemsAnalyzer>.Diagnostic("DLA1004").WithLocation(0).WithArguments("UnprocessedItems", "BatchWriteItem"),
                Verify<HandleUnprocessedBatchItemsAnalyzer>.Diagnostic("DLA1004").WithLocation(1).WithArguments("UnprocessedKeys", "BatchGetItem"));
        }

        [Fact]
        public async Task RetryLoopsReturnedOrContextBatches_NoDiagnostic()
        {
            await Verify<HandleUnprocessedBatchItemsAnalyzer>.AnalyzerAsync(Usings + """
                class Item { [DynamoDBHashKey] public string Id { get; set; } = ""; }
                class Repo
                {
                    async Task Save(IAmazonDynamoDB client, IDynamoDBContext context, ITable table, Dictionary<string, List<WriteRequest>> items)
                    {
                        var response = await client.BatchWriteItemAsync(items);
                        while (response.UnprocessedItems != null && response.UnprocessedItems.Count > 0)
                        {
                            await Task.Delay(100);
                            response = await client.BatchWriteItemAsync(response.UnprocessedItems);
                        }

                        var batch = context.CreateBatchWrite<Item>();
                        batch.AddPutItem(new Item { Id = "1" });
                        await batch.ExecuteAsync();
                        var reads = context.CreateBatchGet<Item>();
                        reads.AddKey("1");
                        await reads.ExecuteAsync();
                        var docs = table.CreateBatchWrite();
                        await docs.ExecuteAsync();
                    }

                    Task<BatchWriteItemResponse> Forward(IAmazonDynamoDB client, BatchWriteItemRequest request) => client.BatchWriteItemAsync(request);

                    async Task<BatchGetItemResponse> Caller(IAmazonDynamoDB client, BatchGetItemRequest request) => await client.BatchGetItemAsync(request);

                    async Task<Dictionary<string, KeysAndAttributes>> Cursor(IAmazonDynamoDB client, BatchGetItemRequest request)
                    {
                        var r = await client.BatchGetItemAsync(request);
                        return r.UnprocessedKeys;
                    }
                }

                namespace Mine
                {
                    class Client { public Task BatchWriteItemAsync(object o) => Task.CompletedTask; }
                    class User { async Task Go(Client c) => await c.BatchWriteItemAsync(1); }
                }
                """);
        }

        [Fact]
        public async Task BatchWriteDiscarded_Fixes()
        {
            await Verify<HandleUnprocessedBatchItemsAnalyzer>.CodeFixAsync<HandleUnprocessedBatchItemsFixer>(Usings + """
                class Repo
                {
                    private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();

                    async Task Save(Dictionary<string, List<WriteRequest>> items, CancellationToken ct)
                    {
                        await [|_client.BatchWriteItemAsync(new BatchWriteItemRequest(items), ct)|];
                        await [|_client.BatchWriteItemAsync(items)|];
                    }
                }
                """, Usings + """
                class Repo
                {
                    private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();

                    async Task Save(Dictionary<string, List<WriteRequest>> items, CancellationToken ct)
                    {
                        var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest(items), ct);
                        for (var attempt = 0; response.UnprocessedItems != null && response.UnprocessedItems.Count > 0; attempt++)
                        {
                            if (attempt == 5)
                            {
                                throw new InvalidOperationException("DynamoDB left batch write items unprocessed after 5 retries.");
                            }

                            await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt)), ct);
                            response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest(response.UnprocessedItems), ct);
                        }

                        var response2 = await _client.BatchWriteItemAsync(items);
                        for (var attempt2 = 0; response2.UnprocessedItems != null && response2.UnprocessedItems.Count > 0; attempt2++)
                        {
                            if (attempt2 == 5)
                            {
                                throw new InvalidOperationException("DynamoDB left batch write items unprocessed after 5 retries.");
                            }

                            await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt2)));
                            response2 = await _client.BatchWriteItemAsync(new BatchWriteItemRequest(response2.UnprocessedItems));
                        }
                    }
                }
                """, HandleUnprocessedBatchItemsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task BatchGetKeepsResponseVariable_Fixes()
        {
            await Verify<HandleUnprocessedBatchItemsAnalyzer>.CodeFixAsync<HandleUnprocessedBatchItemsFixer>(Usings + """
                class Repo
                {
                    async Task<int> Load(IAmazonDynamoDB client, Dictionary<string, KeysAndAttributes> keys)
                    {
                        var result = await [|client.BatchGetItemAsync(keys)|];
                        return result.Responses["Devices"].Count;
                    }
                }
                """, Usings + """
                class Repo
                {
                    async Task<int> Load(IAmazonDynamoDB client, Dictionary<string, KeysAndAttributes> keys)
                    {
                        var result = await client.BatchGetItemAsync(keys);
                        for (var attempt = 0; result.UnprocessedKeys != null && result.UnprocessedKeys.Count > 0; attempt++)
                        {
                            if (attempt == 5)
                            {
                                throw new InvalidOperationException("DynamoDB left batch read keys unprocessed after 5 retries.");
                            }

                            await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt)));
                            var retry = await client.BatchGetItemAsync(new BatchGetItemRequest(result.UnprocessedKeys));
                            if (retry.Responses != null)
                            {
                                if (result.Responses == null)
                                {
                                    result.Responses = new Dictionary<string, List<Dictionary<string, AttributeValue>>>();
                                }

                                foreach (var table in retry.Responses)
                                {
                                    if (result.Responses.TryGetValue(table.Key, out var items))
                                    {
                                        items.AddRange(table.Value);
                                    }
                                    else
                                    {
                                        result.Responses[table.Key] = table.Value;
                                    }
                                }
                            }

                            result.UnprocessedKeys = retry.UnprocessedKeys;
                        }

                        return result.Responses["Devices"].Count;
                    }
                }
                """, HandleUnprocessedBatchItemsFixer.EquivalenceKey);
        }

        [Fact]
        public async Task HalfTypedCode_NoDiagnostic()
        {
            var test = new AnalyzerTest<HandleUnprocessedBatchItemsAnalyzer> { AllowCompilerErrors = true };
            test.TestCode = HalfTypedSources.DynamoDBCalls;
            await test.RunAsync();
        }
    }
}
