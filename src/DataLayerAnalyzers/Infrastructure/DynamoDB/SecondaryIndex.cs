using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    internal enum SecondaryIndexKind
    {
        /// <summary>A global secondary index: its own partition key, eventually consistent reads only.</summary>
        Global,

        /// <summary>A local secondary index: the table's partition key, another sort key; strongly consistent reads allowed.</summary>
        Local,
    }

    internal enum IndexProjectionType
    {
        /// <summary>Not visible to the analysis (TableBuilder, mapped-class attributes, a value built at run time).</summary>
        Unknown,

        /// <summary>Every attribute of the item is projected into the index.</summary>
        All,

        /// <summary>Only the table's and the index's key attributes.</summary>
        KeysOnly,

        /// <summary>The keys plus the listed non-key attributes.</summary>
        Include,
    }

    /// <summary>Which attributes a secondary index holds: a Query on it returns only these.</summary>
    internal sealed class IndexProjection : IEquatable<IndexProjection>
    {
        public static readonly IndexProjection Unknown = new IndexProjection(IndexProjectionType.Unknown, null);
        public static readonly IndexProjection All = new IndexProjection(IndexProjectionType.All, null);
        public static readonly IndexProjection KeysOnly = new IndexProjection(IndexProjectionType.KeysOnly, null);

        private IndexProjection(IndexProjectionType type, ImmutableHashSet<string>? nonKeyAttributes)
        {
            Type = type;
            NonKeyAttributes = nonKeyAttributes;
        }

        public IndexProjectionType Type { get; }

        /// <summary>For <see cref="IndexProjectionType.Include"/>: the projected non-key attributes, null when they are not known (then only the keys count).</summary>
        public ImmutableHashSet<string>? NonKeyAttributes { get; }

        public static IndexProjection Include(ImmutableHashSet<string>? nonKeyAttributes) => new IndexProjection(IndexProjectionType.Include, nonKeyAttributes);

        /// <summary>The projection named by a <c>ProjectionType</c> value (<c>ALL</c>, <c>KEYS_ONLY</c>, <c>INCLUDE</c>); unknown otherwise.</summary>
        public static IndexProjection FromName(string? name, ImmutableHashSet<string>? nonKeyAttributes)
            => name switch
            {
                "ALL" => All,
                "KEYS_ONLY" => KeysOnly,
                "INCLUDE" => Include(nonKeyAttributes),
                _ => Unknown,
            };

        public bool Equals(IndexProjection? other)
            => other != null && Type == other.Type
               && (NonKeyAttributes is null ? other.NonKeyAttributes is null : other.NonKeyAttributes != null && NonKeyAttributes.SetEquals(other.NonKeyAttributes));

        public override bool Equals(object? obj) => Equals(obj as IndexProjection);

        public override int GetHashCode() => (int)Type;

        public override string ToString() => Type switch
        {
            IndexProjectionType.All => "ALL",
            IndexProjectionType.KeysOnly => "KEYS_ONLY",
            IndexProjectionType.Include => "INCLUDE",
            _ => "unknown",
        };
    }

    /// <summary>A secondary index declared in the compilation.</summary>
    internal sealed class SecondaryIndex
    {
        public SecondaryIndex(string tableName, string indexName, SecondaryIndexKind kind, string? partitionKey, string? sortKey = null,
            IndexProjection? projection = null, string? partitionProperty = null, string? sortProperty = null)
        {
            TableName = tableName;
            IndexName = indexName;
            Kind = kind;
            PartitionKey = partitionKey;
            SortKey = sortKey;
            Projection = projection ?? IndexProjection.Unknown;
            PartitionProperty = partitionProperty;
            SortProperty = sortProperty;
        }

        public string TableName { get; }

        public string IndexName { get; }

        public SecondaryIndexKind Kind { get; }

        /// <summary>The index's partition key attribute as stored in DynamoDB, when known (CreateTableRequest, TableBuilder, CDK).</summary>
        public string? PartitionKey { get; }

        /// <summary>The index's sort key attribute, when known.</summary>
        public string? SortKey { get; }

        public IndexProjection Projection { get; }

        /// <summary>For a mapped class: the C# property carrying <c>[DynamoDBGlobalSecondaryIndexHashKey]</c> for this index.</summary>
        public string? PartitionProperty { get; }

        /// <summary>For a mapped class: the C# property carrying the index's range-key attribute.</summary>
        public string? SortProperty { get; }

        /// <summary>
        /// Whether a Query on this index returns <paramref name="attribute"/>: every attribute for an ALL projection; the
        /// table's and the index's keys for KEYS_ONLY; those plus the listed non-key attributes for INCLUDE; nothing is
        /// assumed for an unknown projection.
        /// </summary>
        public bool Projects(string attribute, KeySchema table)
        {
            switch (Projection.Type)
            {
                case IndexProjectionType.All:
                    return true;
                case IndexProjectionType.KeysOnly:
                case IndexProjectionType.Include:
                    return attribute == table.PartitionKey || attribute == table.SortKey || attribute == PartitionKey || attribute == SortKey
                        || (Projection.NonKeyAttributes != null && Projection.NonKeyAttributes.Contains(attribute));
                default:
                    return false;
            }
        }

        /// <summary>
        /// Two declarations of the same index (a mapped class and a CreateTableRequest, say) combined; null when they
        /// disagree (kind, a key, or two different known projections: ambiguous).
        /// </summary>
        public static SecondaryIndex? Merge(SecondaryIndex a, SecondaryIndex b)
        {
            if (a.Kind != b.Kind || !TryCombine(a.PartitionKey, b.PartitionKey, out var partition) || !TryCombine(a.SortKey, b.SortKey, out var sort)
                || !TryCombine(a.PartitionProperty, b.PartitionProperty, out var partitionProperty) || !TryCombine(a.SortProperty, b.SortProperty, out var sortProperty))
            {
                return null;
            }

            var projection = a.Projection.Type == IndexProjectionType.Unknown ? b.Projection
                : b.Projection.Type == IndexProjectionType.Unknown || a.Projection.Equals(b.Projection) ? a.Projection
                : IndexProjection.Unknown;
            return new SecondaryIndex(a.TableName, a.IndexName, a.Kind, partition, sort, projection, partitionProperty, sortProperty);

            static bool TryCombine(string? x, string? y, out string? combined)
            {
                combined = x ?? y;
                return x is null || y is null || x == y;
            }
        }
    }

    /// <summary>
    /// Reads secondary-index declarations: <c>CreateTableRequest.GlobalSecondaryIndexes/LocalSecondaryIndexes</c>,
    /// <c>[DynamoDBGlobalSecondaryIndexHashKey]</c> / <c>[DynamoDBLocalSecondaryIndexRangeKey]</c> properties and
    /// <c>TableBuilder.AddGlobalSecondaryIndex/AddLocalSecondaryIndex</c> calls.
    /// </summary>
    internal static class SecondaryIndexDeclarations
    {
        private const int MaxIndexesPerTable = 64;

        /// <summary>The indexes a mapped class declares through its property attributes (exact attribute types).</summary>
        public static List<SecondaryIndex> FromMappedType(INamedTypeSymbol type, string tableName, DynamoDBSymbols symbols)
        {
            var result = new List<SecondaryIndex>();
            if (symbols.GlobalSecondaryIndexHashKeyAttribute is null && symbols.LocalSecondaryIndexRangeKeyAttribute is null)
            {
                return result;
            }

            var depth = 0;
            for (var current = type; current != null && depth < 16; current = current.BaseType, depth++)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IPropertySymbol property)
                    {
                        continue;
                    }

                    foreach (var attribute in property.GetAttributes())
                    {
                        var isGlobal = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.GlobalSecondaryIndexHashKeyAttribute)
                            || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.GlobalSecondaryIndexRangeKeyAttribute);
                        var isLocal = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.LocalSecondaryIndexRangeKeyAttribute);
                        if (!isGlobal && !isLocal)
                        {
                            continue;
                        }

                        var isHash = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.GlobalSecondaryIndexHashKeyAttribute);
                        foreach (var name in IndexNames(attribute))
                        {
                            if (result.Count < MaxIndexesPerTable)
                            {
                                result.Add(new SecondaryIndex(tableName, name, isGlobal ? SecondaryIndexKind.Global : SecondaryIndexKind.Local, partitionKey: null,
                                    partitionProperty: isHash ? property.Name : null, sortProperty: isHash ? null : property.Name));
                            }
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>The index names of <c>(string)</c>, <c>(string, int)</c>, <c>(params string[])</c> and <c>(int, params string[])</c>.</summary>
        private static IEnumerable<string> IndexNames(AttributeData attribute)
        {
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Array)
                {
                    foreach (var element in argument.Values)
                    {
                        if (element.Value is string name && name.Length > 0)
                        {
                            yield return name;
                        }
                    }
                }
                else if (argument.Value is string single && single.Length > 0)
                {
                    yield return single;
                }
            }
        }

        /// <summary>The indexes listed in a <c>CreateTableRequest</c> whose table name is known.</summary>
        public static List<SecondaryIndex> FromCreateTableRequest(RequestModel request, string tableName, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var result = new List<SecondaryIndex>();
            Read(request, "GlobalSecondaryIndexes", symbols.GlobalSecondaryIndex, SecondaryIndexKind.Global, tableName, symbols, result, cancellationToken);
            Read(request, "LocalSecondaryIndexes", symbols.LocalSecondaryIndex, SecondaryIndexKind.Local, tableName, symbols, result, cancellationToken);
            return result;
        }

        private static void Read(RequestModel request, string property, INamedTypeSymbol? indexType, SecondaryIndexKind kind, string tableName, DynamoDBSymbols symbols, List<SecondaryIndex> result, CancellationToken cancellationToken)
        {
            if (indexType is null || !request.TryGet(property, out var setting))
            {
                return;
            }

            var value = ValueResolver.Unwrap(setting.Value);
            if (value is ILocalReferenceOperation)
            {
                value = OperationTracing.Source(value, cancellationToken);
            }

            if (value?.SemanticModel is null)
            {
                return;
            }

            foreach (var node in value.Syntax.DescendantNodesAndSelf())
            {
                if (result.Count >= MaxIndexesPerTable)
                {
                    return;
                }

                if (node is BaseObjectCreationExpressionSyntax creationSyntax
                    && value.SemanticModel.GetOperation(creationSyntax, cancellationToken) is IObjectCreationOperation creation
                    && creation.Type.Is(indexType))
                {
                    var model = RequestModel.FromCreation(creation, cancellationToken);
                    if (model.TryGetString("IndexName", out var indexName, out _, cancellationToken) && indexName.Length > 0)
                    {
                        KeysOf(creation, symbols, out var hash, out var range, cancellationToken);
                        result.Add(new SecondaryIndex(tableName, indexName, kind, hash, range, ProjectionOf(model, symbols, cancellationToken)));
                    }
                }
            }
        }

        private static void KeysOf(IObjectCreationOperation index, DynamoDBSymbols symbols, out string? hash, out string? range, CancellationToken cancellationToken)
        {
            hash = range = null;
            if (index.SemanticModel is null)
            {
                return;
            }

            foreach (var node in index.Syntax.DescendantNodes())
            {
                if (node is BaseObjectCreationExpressionSyntax element
                    && index.SemanticModel.GetOperation(element, cancellationToken) is IObjectCreationOperation creation
                    && creation.Type.Is(symbols.KeySchemaElement))
                {
                    var model = RequestModel.FromCreation(creation, cancellationToken);
                    if (model.TryGetString("AttributeName", out var name, out _, cancellationToken) && model.TryGet("KeyType", out var keyType))
                    {
                        switch (KeySchemaIndex.ResolveConstantClassName(keyType.Value, cancellationToken))
                        {
                            case "HASH":
                                hash ??= name;
                                break;
                            case "RANGE":
                                range ??= name;
                                break;
                        }
                    }
                }
            }
        }

        /// <summary><c>Projection = new Projection { ProjectionType = ProjectionType.X, NonKeyAttributes = new List&lt;string&gt; { … } }</c>.</summary>
        private static IndexProjection ProjectionOf(RequestModel index, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            if (!index.TryGet("Projection", out var setting) || OperationTracing.Source(setting.Value, cancellationToken) is not IObjectCreationOperation creation
                || !creation.Type.Is(symbols.Projection))
            {
                return IndexProjection.Unknown;
            }

            var projection = RequestModel.FromCreation(creation, cancellationToken);
            if (!projection.TryGet("ProjectionType", out var type))
            {
                return IndexProjection.Unknown;
            }

            var nonKey = projection.TryGet("NonKeyAttributes", out var attributes) ? ReadStrings(attributes.Value, cancellationToken) : ImmutableHashSet<string>.Empty;
            return IndexProjection.FromName(KeySchemaIndex.ResolveConstantClassName(type.Value, cancellationToken), nonKey);
        }

        /// <summary>The strings of <c>new List&lt;string&gt; { "a", "b" }</c> or <c>new[] { "a", "b" }</c> (inline or in a local); null when any is unknown.</summary>
        internal static ImmutableHashSet<string>? ReadStrings(IOperation value, CancellationToken cancellationToken)
        {
            IEnumerable<IOperation?>? elements = OperationTracing.Source(value, cancellationToken) switch
            {
                IArrayCreationOperation { Initializer: { } array } => array.ElementValues,
                IObjectCreationOperation { Arguments.Length: 0, Initializer: { } list } => CollectionElements(list),
                _ => null,
            };
            if (elements is null)
            {
                return null;
            }

            var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var element in elements)
            {
                if (element is null || !ValueResolver.TryResolveString(element, out var text, cancellationToken) || !text.IsFullyKnown || builder.Count >= MaxIndexesPerTable * 4)
                {
                    return null;
                }

                builder.Add(text.Value);
            }

            return builder.ToImmutable();

            static IEnumerable<IOperation?> CollectionElements(IObjectOrCollectionInitializerOperation initializer)
            {
                foreach (var add in initializer.Initializers)
                {
                    yield return add is IInvocationOperation { Arguments.Length: 1 } call ? call.Arguments[0].Value : null;
                }
            }
        }

        /// <summary>An index added by <c>TableBuilder.AddGlobalSecondaryIndex(indexName, hashKey, …)</c> / <c>AddLocalSecondaryIndex(indexName, rangeKey, …)</c>.</summary>
        public static SecondaryIndex? FromTableBuilderCall(IInvocationOperation call, string tableName, CancellationToken cancellationToken)
        {
            var method = call.TargetMethod.Name;
            var kind = method == "AddGlobalSecondaryIndex" ? SecondaryIndexKind.Global
                : method == "AddLocalSecondaryIndex" ? SecondaryIndexKind.Local : (SecondaryIndexKind?)null;
            if (kind is null)
            {
                return null;
            }

            string? indexName = null, hashKey = null, rangeKey = null;
            foreach (var argument in call.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || parameter.Type.SpecialType != SpecialType.System_String
                    || !ValueResolver.TryResolveString(argument.Value, out var text, cancellationToken) || !text.IsFullyKnown)
                {
                    continue;
                }

                switch (parameter.Name)
                {
                    case "indexName":
                        indexName = text.Value;
                        break;
                    case "hashkeyAttribute" or "hashKeyAttribute" when kind == SecondaryIndexKind.Global:
                        hashKey = text.Value;
                        break;
                    case "rangeKeyAttribute":
                        rangeKey = text.Value;
                        break;
                }
            }

            // TableBuilder takes no projection: it describes an existing table to the SDK, so the projection stays unknown.
            return string.IsNullOrEmpty(indexName) ? null : new SecondaryIndex(tableName, indexName!, kind.Value, hashKey, rangeKey);
        }
    }

    /// <summary>The secondary indexes of the compilation, by table and by name.</summary>
    internal sealed class SecondaryIndexMap
    {
        public static readonly SecondaryIndexMap Empty = new SecondaryIndexMap(
            ImmutableDictionary<string, ImmutableDictionary<string, SecondaryIndex>>.Empty, ImmutableDictionary<string, SecondaryIndexKind>.Empty);

        private readonly ImmutableDictionary<string, ImmutableDictionary<string, SecondaryIndex>> _byTable;
        private readonly ImmutableDictionary<string, SecondaryIndexKind> _kindByName;

        private SecondaryIndexMap(ImmutableDictionary<string, ImmutableDictionary<string, SecondaryIndex>> byTable, ImmutableDictionary<string, SecondaryIndexKind> kindByName)
        {
            _byTable = byTable;
            _kindByName = kindByName;
        }

        /// <summary>
        /// The kind of the index of <paramref name="tableName"/> named <paramref name="indexName"/>, or null when that table declares
        /// no such index. When the table is unknown, an index name declared with one kind only, in any table, answers.
        /// </summary>
        public SecondaryIndexKind? FindKind(string? tableName, string indexName)
        {
            if (tableName != null)
            {
                return _byTable.TryGetValue(tableName, out var indexes) && indexes.TryGetValue(indexName, out var index) ? index.Kind : null;
            }

            return _kindByName.TryGetValue(indexName, out var kind) ? kind : null;
        }

        /// <summary>The index <paramref name="indexName"/> of <paramref name="tableName"/>, or null.</summary>
        public SecondaryIndex? Find(string tableName, string indexName)
            => _byTable.TryGetValue(tableName, out var indexes) && indexes.TryGetValue(indexName, out var index) ? index : null;

        /// <summary>The indexes of a table (empty when none is known).</summary>
        public IEnumerable<SecondaryIndex> Of(string tableName)
            => _byTable.TryGetValue(tableName, out var indexes) ? indexes.Values : Array.Empty<SecondaryIndex>();

        /// <summary>Merges declarations (<see cref="SecondaryIndex.Merge"/>); an index declared twice with different kinds or keys is dropped (ambiguous).</summary>
        public static SecondaryIndexMap Create(IEnumerable<SecondaryIndex> declarations)
        {
            var byTable = new Dictionary<string, Dictionary<string, SecondaryIndex?>>(StringComparer.Ordinal);
            var kinds = new Dictionary<string, SecondaryIndexKind?>(StringComparer.Ordinal);
            foreach (var index in declarations)
            {
                if (!byTable.TryGetValue(index.TableName, out var table))
                {
                    byTable[index.TableName] = table = new Dictionary<string, SecondaryIndex?>(StringComparer.Ordinal);
                }

                if (table.TryGetValue(index.IndexName, out var existing))
                {
                    table[index.IndexName] = existing is null ? null : SecondaryIndex.Merge(existing, index);
                }
                else
                {
                    table[index.IndexName] = index;
                }

                kinds[index.IndexName] = kinds.TryGetValue(index.IndexName, out var kind) && kind != index.Kind ? null : index.Kind;
            }

            var tables = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, SecondaryIndex>>(StringComparer.Ordinal);
            foreach (var pair in byTable)
            {
                var indexes = ImmutableDictionary.CreateBuilder<string, SecondaryIndex>(StringComparer.Ordinal);
                foreach (var index in pair.Value)
                {
                    if (index.Value != null)
                    {
                        indexes[index.Key] = index.Value;
                    }
                }

                tables[pair.Key] = indexes.ToImmutable();
            }

            var names = ImmutableDictionary.CreateBuilder<string, SecondaryIndexKind>(StringComparer.Ordinal);
            foreach (var pair in kinds)
            {
                if (pair.Value != null)
                {
                    names[pair.Key] = pair.Value.Value;
                }
            }

            return new SecondaryIndexMap(tables.ToImmutable(), names.ToImmutable());
        }
    }
}
