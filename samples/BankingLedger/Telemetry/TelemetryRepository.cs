using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;

namespace BankingLedger.Telemetry
{
    /// <summary>
    /// Reads and writes branch-device telemetry. Each "Legacy…" method is a deliberate anti-pattern that one of the
    /// DynamoDB rules (DLA1001–DLA1005) reports; the method next to it is the compliant way to do the same thing.
    /// </summary>
    public sealed class TelemetryRepository
    {
        private readonly IAmazonDynamoDB _client;
        private readonly IDynamoDBContext _context;

        public TelemetryRepository(IAmazonDynamoDB client, IDynamoDBContext context)
        {
            _client = client;
            _context = context;
        }

        // ---- DLA1001: a Scan whose filter fixes the partition key ----

        /// <summary>Anti-pattern (DLA1001): scans the whole table to find one device's readings.</summary>
        public async Task<List<Dictionary<string, AttributeValue>>> LegacyReadingsAboveAsync(string deviceId, double limit, CancellationToken ct)
        {
            var request = new ScanRequest
            {
                TableName = DeviceReadingsTable.Name,
                FilterExpression = "DeviceId = :device AND Temperature > :limit",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":device"] = new AttributeValue(deviceId),
                    [":limit"] = new AttributeValue { N = limit.ToString(CultureInfo.InvariantCulture) },
                },
            };

            var items = new List<Dictionary<string, AttributeValue>>();
            await foreach (var page in _client.Paginators.Scan(request).Responses.WithCancellation(ct))
            {
                items.AddRange(page.Items ?? new List<Dictionary<string, AttributeValue>>());
            }

            return items;
        }

        /// <summary>Compliant: the device is the partition key, so Query reads only that device's readings.</summary>
        public async Task<List<Dictionary<string, AttributeValue>>> ReadingsAboveAsync(string deviceId, double limit, CancellationToken ct)
        {
            var request = new QueryRequest
            {
                TableName = DeviceReadingsTable.Name,
                KeyConditionExpression = "DeviceId = :device",
                FilterExpression = "Temperature > :limit",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":device"] = new AttributeValue(deviceId),
                    [":limit"] = new AttributeValue { N = limit.ToString(CultureInfo.InvariantCulture) },
                },
            };

            var items = new List<Dictionary<string, AttributeValue>>();
            await foreach (var page in _client.Paginators.Query(request).Responses.WithCancellation(ct))
            {
                items.AddRange(page.Items ?? new List<Dictionary<string, AttributeValue>>());
            }

            return items;
        }

        /// <summary>Anti-pattern (DLA1001, object persistence): a ScanCondition on the hash-key property.</summary>
        public Task<List<DeviceReading>> LegacyDeviceHistoryAsync(string deviceId, CancellationToken ct)
            => _context.ScanAsync<DeviceReading>(new[] { new ScanCondition(nameof(DeviceReading.DeviceId), ScanOperator.Equal, deviceId) }).GetRemainingAsync(ct);

        /// <summary>Compliant: QueryAsync by hash key.</summary>
        public Task<List<DeviceReading>> DeviceHistoryAsync(string deviceId, CancellationToken ct)
            => _context.QueryAsync<DeviceReading>(deviceId).GetRemainingAsync(ct);

        /// <summary>
        /// Anti-pattern (DLA1001, on an index): scans the whole table to count one error status, although the ByErrorStatus
        /// global secondary index has ErrorStatus as its partition key (and projects ALL attributes).
        /// </summary>
        public async Task<int> LegacyCountErrorsAsync(string errorStatus, CancellationToken ct)
        {
            var request = new ScanRequest
            {
                TableName = DeviceReadingsTable.Name,
                FilterExpression = "ErrorStatus = :status",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":status"] = new AttributeValue(errorStatus) },
            };

            var count = 0;
            await foreach (var page in _client.Paginators.Scan(request).Responses.WithCancellation(ct))
            {
                count += page.Count ?? 0;
            }

            return count;
        }

        // ---- DLA1002: a full table scan on a request path ----

        /// <summary>Anti-pattern (DLA1002): every alert request reads the whole table to find error readings.</summary>
        public Task<List<DeviceReading>> LegacyOpenErrorsAsync(CancellationToken ct)
            => _context.ScanAsync<DeviceReading>(new[] { new ScanCondition(nameof(DeviceReading.ErrorStatus), ScanOperator.IsNotNull) }).GetRemainingAsync(ct);

        /// <summary>Compliant: the access pattern has its own key, the sparse ByErrorStatus index.</summary>
        public async Task<List<Dictionary<string, AttributeValue>>> OpenErrorsAsync(string errorStatus, DateTimeOffset since, CancellationToken ct)
        {
            var request = new QueryRequest
            {
                TableName = DeviceReadingsTable.Name,
                IndexName = DeviceReadingsTable.ErrorIndex,
                KeyConditionExpression = "ErrorStatus = :status AND #ts >= :since",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#ts"] = "Timestamp" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":status"] = new AttributeValue(errorStatus),
                    [":since"] = new AttributeValue { N = since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
                },
            };

            var items = new List<Dictionary<string, AttributeValue>>();
            await foreach (var page in _client.Paginators.Query(request).Responses.WithCancellation(ct))
            {
                items.AddRange(page.Items ?? new List<Dictionary<string, AttributeValue>>());
            }

            return items;
        }

        // ---- DLA1005: a strongly consistent read from a global secondary index ----

        /// <summary>
        /// Anti-pattern (DLA1005): ByErrorStatus is a global secondary index, which serves only eventually consistent reads,
        /// so this request fails with a ValidationException every time it runs. OpenErrorsAsync above is the working form.
        /// </summary>
        public Task<List<DeviceReading>> LegacyOpenErrorsConsistentAsync(string errorStatus, CancellationToken ct)
            => _context.QueryAsync<DeviceReading>(errorStatus, new QueryConfig { IndexName = DeviceReadingsTable.ErrorIndex, ConsistentRead = true }).GetRemainingAsync(ct);

        // ---- DLA1003: only the first page is read ----

        /// <summary>Anti-pattern (DLA1003): a device with more than 1 MB of readings in the window loses the rest.</summary>
        public async Task<int> LegacyCountReadingsAsync(string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
        {
            var response = await _client.QueryAsync(WindowRequest(deviceId, from, to), ct);
            return response.Items.Count;
        }

        /// <summary>Compliant: follows LastEvaluatedKey until DynamoDB stops returning one (null in SDK v4, empty in v3).</summary>
        public async Task<int> CountReadingsAsync(string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
        {
            var request = WindowRequest(deviceId, from, to);
            var total = 0;
            QueryResponse response;
            do
            {
                response = await _client.QueryAsync(request, ct);
                total += response.Items?.Count ?? 0;
                request.ExclusiveStartKey = response.LastEvaluatedKey;
            }
            while (response.LastEvaluatedKey != null && response.LastEvaluatedKey.Count > 0);

            return total;
        }

        /// <summary>Anti-pattern (DLA1003, object persistence): one GetNextSetAsync is one page.</summary>
        public Task<List<DeviceReading>> LegacyLatestReadingsAsync(string deviceId, CancellationToken ct)
            => _context.QueryAsync<DeviceReading>(deviceId).GetNextSetAsync(ct);

        /// <summary>Compliant: a cursor API that hands the pagination token back to the caller.</summary>
        public async Task<(List<DeviceReading> Readings, string? NextPage)> LatestReadingsPageAsync(string deviceId, CancellationToken ct)
        {
            var search = _context.QueryAsync<DeviceReading>(deviceId);
            var readings = await search.GetNextSetAsync(ct);
            return (readings, search.IsDone ? null : search.PaginationToken);
        }

        // ---- DLA1004: unprocessed batch items are dropped ----

        /// <summary>Anti-pattern (DLA1004): under throttling part of the batch comes back unprocessed and is lost.</summary>
        public async Task LegacyStoreBatchAsync(IReadOnlyCollection<DeviceReading> readings, CancellationToken ct)
        {
            await _client.BatchWriteItemAsync(new BatchWriteItemRequest(PutRequests(readings)), ct);
        }

        /// <summary>Compliant: resubmits UnprocessedItems with exponential backoff and gives up loudly.</summary>
        public async Task StoreBatchAsync(IReadOnlyCollection<DeviceReading> readings, CancellationToken ct)
        {
            var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest(PutRequests(readings)), ct);
            for (var attempt = 0; response.UnprocessedItems != null && response.UnprocessedItems.Count > 0; attempt++)
            {
                if (attempt == 5)
                {
                    throw new InvalidOperationException("DynamoDB left device readings unprocessed after 5 retries.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt)), ct);
                response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest(response.UnprocessedItems), ct);
            }
        }

        /// <summary>Compliant too: the object persistence batch API retries unprocessed items itself.</summary>
        public Task StoreBatchWithContextAsync(IEnumerable<DeviceReading> readings, CancellationToken ct)
        {
            var batch = _context.CreateBatchWrite<DeviceReading>();
            batch.AddPutItems(readings);
            return batch.ExecuteAsync(ct);
        }

        private static QueryRequest WindowRequest(string deviceId, DateTimeOffset from, DateTimeOffset to) => new QueryRequest
        {
            TableName = DeviceReadingsTable.Name,
            KeyConditionExpression = "DeviceId = :device AND #ts BETWEEN :from AND :to",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#ts"] = "Timestamp" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":device"] = new AttributeValue(deviceId),
                [":from"] = new AttributeValue { N = from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
                [":to"] = new AttributeValue { N = to.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
            },
        };

        private static Dictionary<string, List<WriteRequest>> PutRequests(IEnumerable<DeviceReading> readings) => new Dictionary<string, List<WriteRequest>>
        {
            [DeviceReadingsTable.Name] = readings.Select(r => new WriteRequest(new PutRequest(ToItem(r)))).ToList(),
        };

        private static Dictionary<string, AttributeValue> ToItem(DeviceReading reading)
        {
            var item = new Dictionary<string, AttributeValue>
            {
                ["DeviceId"] = new AttributeValue(reading.DeviceId),
                ["Timestamp"] = new AttributeValue { N = reading.Timestamp.ToString(CultureInfo.InvariantCulture) },
                ["Temperature"] = new AttributeValue { N = reading.Temperature.ToString(CultureInfo.InvariantCulture) },
            };
            if (reading.ErrorStatus != null)
            {
                item["ErrorStatus"] = new AttributeValue(reading.ErrorStatus);
            }

            return item;
        }
    }
}
