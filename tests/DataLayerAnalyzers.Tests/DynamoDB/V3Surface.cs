namespace DataLayerAnalyzers.Tests.DynamoDB
{
    /// <summary>
    /// The v3 shapes of AWSSDK.DynamoDBv2 that differ from v4 (the <c>Search</c> and <c>AsyncSearch&lt;T&gt;</c> classes,
    /// a <c>Table</c> class without <c>ITable</c>, context methods taking an optional <c>DynamoDBOperationConfig</c>),
    /// compiled from source with no real SDK referenced: the rules must resolve them by metadata name.
    /// </summary>
    internal static class V3Surface
    {
        public const string Source = """
            #nullable disable
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Amazon.DynamoDBv2
            {
                public interface IAmazonDynamoDB
                {
                    Task<Amazon.DynamoDBv2.Model.QueryResponse> QueryAsync(Amazon.DynamoDBv2.Model.QueryRequest request, CancellationToken cancellationToken = default);
                }
            }

            namespace Amazon.DynamoDBv2.Model
            {
                public class QueryRequest { public string TableName { get; set; } public int Limit { get; set; } public Dictionary<string, AttributeValue> ExclusiveStartKey { get; set; } }
                public class QueryResponse { public List<Dictionary<string, AttributeValue>> Items { get; set; } public Dictionary<string, AttributeValue> LastEvaluatedKey { get; set; } public int Count { get; set; } }
                public class AttributeValue { }
            }

            namespace Amazon.DynamoDBv2.DocumentModel
            {
                public enum ScanOperator { Equal, NotEqual, GreaterThan }
                public class Document { }
                public class ScanFilter { public void AddCondition(string attributeName, ScanOperator op, params object[] values) { } }
                public class Search
                {
                    public bool IsDone { get; }
                    public string PaginationToken { get; set; }
                    public Task<List<Document>> GetNextSetAsync(CancellationToken cancellationToken = default) => throw null;
                    public Task<List<Document>> GetRemainingAsync(CancellationToken cancellationToken = default) => throw null;
                }
                public class Table
                {
                    public static Table LoadTable(Amazon.DynamoDBv2.IAmazonDynamoDB ddbClient, string tableName) => throw null;
                    public Search Scan(ScanFilter filter) => throw null;
                }
            }

            namespace Amazon.DynamoDBv2.DataModel
            {
                using Amazon.DynamoDBv2.DocumentModel;

                [System.AttributeUsage(System.AttributeTargets.Class)] public class DynamoDBTableAttribute : System.Attribute { public DynamoDBTableAttribute(string tableName) { } }
                [System.AttributeUsage(System.AttributeTargets.Property)] public class DynamoDBHashKeyAttribute : System.Attribute { public DynamoDBHashKeyAttribute() { } public DynamoDBHashKeyAttribute(string attributeName) { } }
                [System.AttributeUsage(System.AttributeTargets.Property)] public class DynamoDBRangeKeyAttribute : System.Attribute { public DynamoDBRangeKeyAttribute() { } }
                public class DynamoDBOperationConfig { public string IndexName { get; set; } }
                public class ScanCondition { public ScanCondition(string propertyName, ScanOperator op, params object[] values) { } }
                public class AsyncSearch<T>
                {
                    public bool IsDone { get; }
                    public Task<List<T>> GetNextSetAsync(CancellationToken cancellationToken = default) => throw null;
                    public Task<List<T>> GetRemainingAsync(CancellationToken cancellationToken = default) => throw null;
                }
                public interface IDynamoDBContext
                {
                    AsyncSearch<T> ScanAsync<T>(IEnumerable<ScanCondition> conditions, DynamoDBOperationConfig operationConfig = null);
                    AsyncSearch<T> QueryAsync<T>(object hashKeyValue, DynamoDBOperationConfig operationConfig = null);
                }
            }
            """;
    }
}
