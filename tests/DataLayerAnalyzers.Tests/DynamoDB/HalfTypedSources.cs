namespace DataLayerAnalyzers.Tests.DynamoDB
{
    /// <summary>Half-typed DynamoDB code (missing values, unclosed calls, unknown types) that every DynamoDB rule must survive silently.</summary>
    internal static class HalfTypedSources
    {
        public const string DynamoDBCalls = """
            using System.Collections.Generic;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.DynamoDBv2.DocumentModel;
            class Repo
            {
                async System.Threading.Tasks.Task Go(IAmazonDynamoDB client, IDynamoDBContext context, ITable table)
                {
                    var r = await client.ScanAsync(new ScanRequest { TableName = , FilterExpression = "#a = :b AND" });
                    var q = await client.QueryAsync(new QueryRequest { TableName = "T" }).Items;
                    await client.BatchWriteItemAsync(;
                    var s = await context.ScanAsync<Missing>(new[] { new ScanCondition(null, ScanOperator.Equal) });
                    var t = await table.Scan(new ScanFilter { }).GetNextSetAsync(
                    var u = await client.ScanAsync(new ScanRequest { TableName = "T", FilterExpression = "size(#x) > :v OR (a.b[1] IN (:c, :d)) AND NOT x BETWEEN :e AND" });
                }
            }
            """;
    }
}
