using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    /// <summary>How a DynamoDB read is written: which programming model and which operation.</summary>
    internal enum DynamoDBReadShape
    {
        None,

        /// <summary><c>IAmazonDynamoDB.ScanAsync(ScanRequest)</c>.</summary>
        ClientScanRequest,

        /// <summary><c>IAmazonDynamoDB.ScanAsync(string tableName, [attributesToGet], [scanFilter])</c>.</summary>
        ClientScanTableName,

        /// <summary><c>client.Paginators.Scan(ScanRequest)</c>.</summary>
        PaginatorScan,

        /// <summary><c>Table/ITable.Scan(ScanFilter | Expression | ScanOperationConfig | ScanDocumentOperationRequest)</c>.</summary>
        TableScan,

        /// <summary><c>IDynamoDBContext.ScanAsync&lt;T&gt;(...)</c>.</summary>
        ContextScan,

        /// <summary><c>IDynamoDBContext.FromScanAsync&lt;T&gt;(ScanOperationConfig, ...)</c>.</summary>
        ContextFromScan,
    }

    /// <summary>
    /// The DynamoDB symbols of the three programming models (low-level client, document model, object persistence model),
    /// resolved once per compilation by metadata name. v4 shapes first; v3 shapes (the <c>Search</c> and
    /// <c>AsyncSearch&lt;T&gt;</c> classes) are accepted when present.
    /// </summary>
    internal sealed class DynamoDBSymbols
    {
        private readonly object _keySchemasGate = new object();
        private KeySchemaIndex? _keySchemas;

        private DynamoDBSymbols(Compilation compilation, INamedTypeSymbol client)
        {
            Compilation = compilation;
            Client = client;
            var types = new KnownTypes(compilation);
            ScanRequest = types.Get("Amazon.DynamoDBv2.Model.ScanRequest");
            QueryRequest = types.Get("Amazon.DynamoDBv2.Model.QueryRequest");
            ScanResponse = types.Get("Amazon.DynamoDBv2.Model.ScanResponse");
            QueryResponse = types.Get("Amazon.DynamoDBv2.Model.QueryResponse");
            Condition = types.Get("Amazon.DynamoDBv2.Model.Condition");
            BatchWriteItemResponse = types.Get("Amazon.DynamoDBv2.Model.BatchWriteItemResponse");
            BatchGetItemResponse = types.Get("Amazon.DynamoDBv2.Model.BatchGetItemResponse");
            CreateTableRequest = types.Get("Amazon.DynamoDBv2.Model.CreateTableRequest");
            KeySchemaElement = types.Get("Amazon.DynamoDBv2.Model.KeySchemaElement");
            PaginatorFactory = types.Get("Amazon.DynamoDBv2.Model.IDynamoDBv2PaginatorFactory");
            Table = types.Get("Amazon.DynamoDBv2.DocumentModel.Table");
            ITable = types.Get("Amazon.DynamoDBv2.DocumentModel.ITable");
            Search = types.Get("Amazon.DynamoDBv2.DocumentModel.Search");
            ISearch = types.Get("Amazon.DynamoDBv2.DocumentModel.ISearch");
            ScanFilter = types.Get("Amazon.DynamoDBv2.DocumentModel.ScanFilter");
            Expression = types.Get("Amazon.DynamoDBv2.DocumentModel.Expression");
            ScanOperationConfig = types.Get("Amazon.DynamoDBv2.DocumentModel.ScanOperationConfig");
            TableBuilder = types.Get("Amazon.DynamoDBv2.DocumentModel.TableBuilder");
            IDynamoDBContext = types.Get("Amazon.DynamoDBv2.DataModel.IDynamoDBContext");
            IAsyncSearch = types.Get("Amazon.DynamoDBv2.DataModel.IAsyncSearch`1");
            AsyncSearch = types.Get("Amazon.DynamoDBv2.DataModel.AsyncSearch`1");
            ScanCondition = types.Get("Amazon.DynamoDBv2.DataModel.ScanCondition");
            DynamoDBTableAttribute = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBTableAttribute");
            DynamoDBHashKeyAttribute = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBHashKeyAttribute");
            DynamoDBRangeKeyAttribute = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBRangeKeyAttribute");
            GlobalSecondaryIndex = types.Get("Amazon.DynamoDBv2.Model.GlobalSecondaryIndex");
            LocalSecondaryIndex = types.Get("Amazon.DynamoDBv2.Model.LocalSecondaryIndex");
            Projection = types.Get("Amazon.DynamoDBv2.Model.Projection");
            GlobalSecondaryIndexHashKeyAttribute = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBGlobalSecondaryIndexHashKeyAttribute");
            GlobalSecondaryIndexRangeKeyAttribute = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBGlobalSecondaryIndexRangeKeyAttribute");
            LocalSecondaryIndexRangeKeyAttribute = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBLocalSecondaryIndexRangeKeyAttribute");
            QueryOperationConfig = types.Get("Amazon.DynamoDBv2.DocumentModel.QueryOperationConfig");
            ScanDocumentOperationRequest = types.Get("Amazon.DynamoDBv2.DocumentModel.ScanDocumentOperationRequest");
            QueryDocumentOperationRequest = types.Get("Amazon.DynamoDBv2.DocumentModel.QueryDocumentOperationRequest");
            ScanConfig = types.Get("Amazon.DynamoDBv2.DataModel.ScanConfig");
            QueryConfig = types.Get("Amazon.DynamoDBv2.DataModel.QueryConfig");
            DynamoDBOperationConfig = types.Get("Amazon.DynamoDBv2.DataModel.DynamoDBOperationConfig");
            BackgroundService = types.Get("Microsoft.Extensions.Hosting.BackgroundService");
            IHostedService = types.Get("Microsoft.Extensions.Hosting.IHostedService");
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol Client { get; }

        public INamedTypeSymbol? ScanRequest { get; }

        public INamedTypeSymbol? QueryRequest { get; }

        public INamedTypeSymbol? ScanResponse { get; }

        public INamedTypeSymbol? QueryResponse { get; }

        public INamedTypeSymbol? Condition { get; }

        public INamedTypeSymbol? BatchWriteItemResponse { get; }

        public INamedTypeSymbol? BatchGetItemResponse { get; }

        public INamedTypeSymbol? CreateTableRequest { get; }

        public INamedTypeSymbol? KeySchemaElement { get; }

        public INamedTypeSymbol? PaginatorFactory { get; }

        public INamedTypeSymbol? Table { get; }

        public INamedTypeSymbol? ITable { get; }

        public INamedTypeSymbol? Search { get; }

        public INamedTypeSymbol? ISearch { get; }

        public INamedTypeSymbol? ScanFilter { get; }

        public INamedTypeSymbol? Expression { get; }

        public INamedTypeSymbol? ScanOperationConfig { get; }

        public INamedTypeSymbol? TableBuilder { get; }

        public INamedTypeSymbol? IDynamoDBContext { get; }

        public INamedTypeSymbol? IAsyncSearch { get; }

        public INamedTypeSymbol? AsyncSearch { get; }

        public INamedTypeSymbol? ScanCondition { get; }

        public INamedTypeSymbol? DynamoDBTableAttribute { get; }

        public INamedTypeSymbol? DynamoDBHashKeyAttribute { get; }

        public INamedTypeSymbol? DynamoDBRangeKeyAttribute { get; }

        public INamedTypeSymbol? GlobalSecondaryIndex { get; }

        public INamedTypeSymbol? LocalSecondaryIndex { get; }

        /// <summary>A secondary index's <c>Projection { ProjectionType, NonKeyAttributes }</c>.</summary>
        public INamedTypeSymbol? Projection { get; }

        public INamedTypeSymbol? GlobalSecondaryIndexHashKeyAttribute { get; }

        public INamedTypeSymbol? GlobalSecondaryIndexRangeKeyAttribute { get; }

        public INamedTypeSymbol? LocalSecondaryIndexRangeKeyAttribute { get; }

        public INamedTypeSymbol? QueryOperationConfig { get; }

        public INamedTypeSymbol? ScanDocumentOperationRequest { get; }

        public INamedTypeSymbol? QueryDocumentOperationRequest { get; }

        /// <summary>v4 object-persistence config of <c>ScanAsync&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? ScanConfig { get; }

        /// <summary>v4 object-persistence config of <c>QueryAsync&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? QueryConfig { get; }

        /// <summary>The v3 object-persistence config (obsolete overloads in v4).</summary>
        public INamedTypeSymbol? DynamoDBOperationConfig { get; }

        public INamedTypeSymbol? BackgroundService { get; }

        public INamedTypeSymbol? IHostedService { get; }

        /// <summary>
        /// The symbols, or null when AWSSDK.DynamoDBv2 is not referenced (the rules then register nothing). One instance per
        /// compilation is shared by the four DynamoDB rules, so the lazily built key-schema index is built at most once.
        /// </summary>
        public static DynamoDBSymbols? Create(Compilation compilation)
        {
            return Cache.GetValue(compilation, c =>
            {
                var client = c.GetTypeByMetadataName("Amazon.DynamoDBv2.IAmazonDynamoDB");
                return new Holder(client is null ? null : new DynamoDBSymbols(c, client));
            }).Symbols;
        }

        private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new ConditionalWeakTable<Compilation, Holder>();

        private sealed class Holder
        {
            public Holder(DynamoDBSymbols? symbols) => Symbols = symbols;

            public DynamoDBSymbols? Symbols { get; }
        }

        /// <summary>
        /// The key schemas declared anywhere in the compilation (attributes, CreateTableRequest, TableBuilder), built
        /// lazily the first time a rule asks (only when a Scan is seen) and at most once per compilation.
        /// </summary>
        public KeySchemaIndex GetKeySchemas(CancellationToken cancellationToken)
        {
            return OnceBuilt.Get(ref _keySchemas, _keySchemasGate, (this, cancellationToken), static s => KeySchemaIndex.Build(s.Item1, s.cancellationToken));
        }

        public bool IsClientMethod(IMethodSymbol method) => method.ContainingType.IsOrInheritsFrom(Client);

        public bool IsTableMethod(IMethodSymbol method)
            => method.ContainingType.IsOrInheritsFrom(ITable) || method.ContainingType.IsOrDerivesFrom(Table);

        public bool IsContextMethod(IMethodSymbol method) => method.ContainingType.IsOrInheritsFrom(IDynamoDBContext);

        public bool IsPaginatorMethod(IMethodSymbol method) => method.ContainingType.IsOrInheritsFrom(PaginatorFactory);

        /// <summary>True for the document-model and object-persistence search objects (v4 interfaces, v3 classes).</summary>
        public bool IsSearchType(ITypeSymbol? type)
            => type.IsOrInheritsFrom(ISearch) || type.IsOrDerivesFrom(Search) || type.IsOrInheritsFrom(IAsyncSearch) || type.IsOrDerivesFrom(AsyncSearch);

        /// <summary>Classifies a Scan invocation of any of the three models.</summary>
        public DynamoDBReadShape ClassifyScan(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "ScanAsync" when IsClientMethod(method):
                case "Scan" when IsClientMethod(method):
                    return method.Parameters.Length > 0 && method.Parameters[0].Type.Is(ScanRequest)
                        ? DynamoDBReadShape.ClientScanRequest
                        : DynamoDBReadShape.ClientScanTableName;
                case "Scan" when IsPaginatorMethod(method):
                    return DynamoDBReadShape.PaginatorScan;
                case "Scan" when IsTableMethod(method):
                    return DynamoDBReadShape.TableScan;
                case "ScanAsync" when method.IsGenericMethod && IsContextMethod(method):
                case "Scan" when method.IsGenericMethod && IsContextMethod(method):
                    return DynamoDBReadShape.ContextScan;
                case "FromScanAsync" when method.IsGenericMethod && IsContextMethod(method):
                case "FromScan" when method.IsGenericMethod && IsContextMethod(method):
                    return DynamoDBReadShape.ContextFromScan;
                default:
                    return DynamoDBReadShape.None;
            }
        }
    }
}
