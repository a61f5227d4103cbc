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

    /// <summary>A secondary index declared in the compilation.</summary>
    internal sealed class SecondaryIndex
    {
        public SecondaryIndex(string tableName, string indexName, SecondaryIndexKind kind, string? partitionKey)
        {
            TableName = tableName;
            IndexName = indexName;
            Kind = kind;
            PartitionKey = partitionKey;
        }

        public string TableName { get; }

        public string IndexName { get; }

        public SecondaryIndexKind Kind { get; }

        /// <summary>The index's partition key attribute (for a mapped class, the C# property), when known.</summary>
        public string? PartitionKey { get; }
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
                                result.Add(new SecondaryIndex(tableName, name, isGlobal ? SecondaryIndexKind.Global : SecondaryIndexKind.Local, isHash ? property.Name : null));
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
                        result.Add(new SecondaryIndex(tableName, indexName, kind, HashKeyOf(creation, symbols, cancellationToken)));
                    }
                }
            }
        }

        private static string? HashKeyOf(IObjectCreationOperation index, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            if (index.SemanticModel is null)
            {
                return null;
            }

            foreach (var node in index.Syntax.DescendantNodes())
            {
                if (node is BaseObjectCreationExpressionSyntax element
                    && index.SemanticModel.GetOperation(element, cancellationToken) is IObjectCreationOperation creation
                    && creation.Type.Is(symbols.KeySchemaElement))
                {
                    var model = RequestModel.FromCreation(creation, cancellationToken);
                    if (model.TryGetString("AttributeName", out var name, out _, cancellationToken) && model.TryGet("KeyType", out var keyType)
                        && KeySchemaIndex.ResolveConstantClassName(keyType.Value, cancellationToken) == "HASH")
                    {
                        return name;
                    }
                }
            }

            return null;
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

            string? indexName = null, hashKey = null;
            foreach (var argument in call.Arguments)
            {
                var ordinal = argument.Parameter?.Ordinal ?? -1;
                if (ordinal == 0 && ValueResolver.TryResolveString(argument.Value, out var name, cancellationToken) && name.IsFullyKnown)
                {
                    indexName = name.Value;
                }
                else if (ordinal == 1 && kind == SecondaryIndexKind.Global && argument.Parameter!.Type.SpecialType == SpecialType.System_String
                    && ValueResolver.TryResolveString(argument.Value, out var key, cancellationToken) && key.IsFullyKnown)
                {
                    hashKey = key.Value;
                }
            }

            return string.IsNullOrEmpty(indexName) ? null : new SecondaryIndex(tableName, indexName!, kind.Value, hashKey);
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

        /// <summary>The indexes of a table (empty when none is known).</summary>
        public IEnumerable<SecondaryIndex> Of(string tableName)
            => _byTable.TryGetValue(tableName, out var indexes) ? indexes.Values : Array.Empty<SecondaryIndex>();

        /// <summary>Merges declarations; an index declared twice with different kinds or partition keys is dropped (ambiguous).</summary>
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
                    if (existing != null && (existing.Kind != index.Kind || (existing.PartitionKey != null && index.PartitionKey != null && existing.PartitionKey != index.PartitionKey)))
                    {
                        table[index.IndexName] = null;
                    }
                    else if (existing != null && existing.PartitionKey is null && index.PartitionKey != null)
                    {
                        table[index.IndexName] = index;
                    }
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
