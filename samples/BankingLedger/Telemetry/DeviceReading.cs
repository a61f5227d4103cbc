using Amazon.DynamoDBv2.DataModel;

namespace BankingLedger.Telemetry
{
    /// <summary>
    /// One reading of a branch device (ATM, card terminal): the device-telemetry table keyed by device and time.
    /// Partition key DeviceId, sort key Timestamp (Unix milliseconds); ErrorStatus is also the partition key of the
    /// sparse ByErrorStatus index, so only readings that carry an error appear in it.
    /// </summary>
    [DynamoDBTable(DeviceReadingsTable.Name)]
    public sealed class DeviceReading
    {
        [DynamoDBHashKey]
        public string DeviceId { get; set; } = string.Empty;

        [DynamoDBRangeKey]
        [DynamoDBGlobalSecondaryIndexRangeKey(DeviceReadingsTable.ErrorIndex)]
        public long Timestamp { get; set; }

        public double Temperature { get; set; }

        [DynamoDBGlobalSecondaryIndexHashKey(DeviceReadingsTable.ErrorIndex)]
        public string? ErrorStatus { get; set; }
    }
}
