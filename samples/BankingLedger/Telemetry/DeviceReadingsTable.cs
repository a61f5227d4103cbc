using System.Collections.Generic;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace BankingLedger.Telemetry
{
    /// <summary>The DeviceReadings table definition, used by the provisioning step and read by the analyzers for its key schema.</summary>
    public static class DeviceReadingsTable
    {
        public const string Name = "DeviceReadings";
        public const string ErrorIndex = "ByErrorStatus";

        public static CreateTableRequest Definition() => new CreateTableRequest
        {
            TableName = Name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = new List<KeySchemaElement>
            {
                new KeySchemaElement("DeviceId", KeyType.HASH),
                new KeySchemaElement("Timestamp", KeyType.RANGE),
            },
            AttributeDefinitions = new List<AttributeDefinition>
            {
                new AttributeDefinition("DeviceId", ScalarAttributeType.S),
                new AttributeDefinition("Timestamp", ScalarAttributeType.N),
                new AttributeDefinition("ErrorStatus", ScalarAttributeType.S),
            },
            GlobalSecondaryIndexes = new List<GlobalSecondaryIndex>
            {
                new GlobalSecondaryIndex
                {
                    IndexName = ErrorIndex,
                    KeySchema = new List<KeySchemaElement>
                    {
                        new KeySchemaElement("ErrorStatus", KeyType.HASH),
                        new KeySchemaElement("Timestamp", KeyType.RANGE),
                    },
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            },
        };
    }
}
