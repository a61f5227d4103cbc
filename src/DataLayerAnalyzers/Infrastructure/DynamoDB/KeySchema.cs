using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    /// <summary>The primary key of a table: partition key attribute, optional sort key attribute.</summary>
    internal sealed class KeySchema
    {
        public KeySchema(string tableName, string partitionKey, string? sortKey, string? partitionProperty = null, string? sortProperty = null)
        {
            TableName = tableName;
            PartitionKey = partitionKey;
            SortKey = sortKey;
            PartitionProperty = partitionProperty ?? partitionKey;
            SortProperty = sortProperty ?? sortKey;
        }

        public string TableName { get; }

        /// <summary>The partition (hash) key attribute name as stored in DynamoDB.</summary>
        public string PartitionKey { get; }

        public string? SortKey { get; }

        /// <summary>For an object-persistence class: the C# property mapped to the partition key (ScanCondition names properties).</summary>
        public string PartitionProperty { get; }

        public string? SortProperty { get; }

        public bool SameKeys(KeySchema other)
            => string.Equals(PartitionKey, other.PartitionKey, StringComparison.Ordinal) && string.Equals(SortKey, other.SortKey, StringComparison.Ordinal);

        /// <summary>
        /// Parses <c>Orders:OrderId; Devices:DeviceId/Timestamp</c> (the <c>dotnet_code_quality.DLA1001.table_keys</c> option).
        /// Malformed entries are skipped.
        /// </summary>
        public static ImmutableDictionary<string, KeySchema> ParseOption(string? text)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, KeySchema>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(text))
            {
                return builder.ToImmutable();
            }

            foreach (var entry in text!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = entry.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                var table = entry.Substring(0, colon).Trim();
                var keys = entry.Substring(colon + 1).Split('/');
                var partition = keys[0].Trim();
                var sort = keys.Length > 1 ? keys[1].Trim() : null;
                if (table.Length == 0 || partition.Length == 0 || keys.Length > 2)
                {
                    continue;
                }

                builder[table] = new KeySchema(table, partition, string.IsNullOrEmpty(sort) ? null : sort);
            }

            return builder.ToImmutable();
        }
    }

    /// <summary>
    /// Key schemas declared in the compilation: <c>[DynamoDBTable]</c> classes with exact-type
    /// <c>[DynamoDBHashKey]</c>/<c>[DynamoDBRangeKey]</c> properties, <c>CreateTableRequest</c> key schemas,
    /// <c>TableBuilder.AddHashKey/AddRangeKey</c> chains and AWS CDK <c>Table</c>/<c>TableV2</c> constructs with a literal name. Built once per compilation by a syntax pre-filter that binds
    /// only the few creation shapes; a table declared twice with different keys is dropped (ambiguous).
    /// </summary>
    internal sealed class KeySchemaIndex
    {
        private static readonly ConcurrentDictionary<string, ImmutableDictionary<string, KeySchema>> OptionCache = new ConcurrentDictionary<string, ImmutableDictionary<string, KeySchema>>(StringComparer.Ordinal);

        private readonly ImmutableDictionary<string, KeySchema> _fromAttributes;
        private readonly ImmutableDictionary<string, KeySchema> _fromCreation;

        private KeySchemaIndex(ImmutableDictionary<string, KeySchema> fromAttributes, ImmutableDictionary<string, KeySchema> fromCreation, SecondaryIndexMap secondaryIndexes)
        {
            _fromAttributes = fromAttributes;
            _fromCreation = fromCreation;
            SecondaryIndexes = secondaryIndexes;
        }

        /// <summary>The global and local secondary indexes declared in the compilation (attributes, CreateTableRequest, TableBuilder).</summary>
        public SecondaryIndexMap SecondaryIndexes { get; }

        /// <summary>The key schema of <paramref name="tableName"/>: .editorconfig, then mapped classes, then table creation code.</summary>
        public KeySchema? Find(string tableName, AnalyzerOptions options, SyntaxTree tree)
        {
            var option = options.GetRuleOption(tree, RuleIdentifiers.UseQueryInsteadOfScan, "table_keys");
            if (option != null && OptionCache.GetOrAdd(option, KeySchema.ParseOption).TryGetValue(tableName, out var configured))
            {
                return configured;
            }

            if (_fromAttributes.TryGetValue(tableName, out var mapped))
            {
                return mapped;
            }

            return _fromCreation.TryGetValue(tableName, out var created) ? created : null;
        }

        /// <summary>The key schema declared by a mapped class's attributes (exact attribute types; GSI attributes derive from them).</summary>
        public static KeySchema? FromMappedType(ITypeSymbol? type, DynamoDBSymbols symbols)
        {
            if (type is not INamedTypeSymbol named || symbols.DynamoDBHashKeyAttribute is null)
            {
                return null;
            }

            var tableName = MappedTableName(named, symbols);
            string? hashAttribute = null, hashProperty = null, rangeAttribute = null, rangeProperty = null;
            for (var current = named; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IPropertySymbol property)
                    {
                        continue;
                    }

                    foreach (var attribute in property.GetAttributes())
                    {
                        var isHash = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.DynamoDBHashKeyAttribute);
                        var isRange = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.DynamoDBRangeKeyAttribute);
                        if (!isHash && !isRange)
                        {
                            continue;
                        }

                        var attributeName = property.Name;
                        if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string explicitName)
                        {
                            attributeName = explicitName;
                        }

                        if (isHash && hashAttribute is null)
                        {
                            hashAttribute = attributeName;
                            hashProperty = property.Name;
                        }
                        else if (isRange && rangeAttribute is null)
                        {
                            rangeAttribute = attributeName;
                            rangeProperty = property.Name;
                        }
                    }
                }
            }

            return hashAttribute is null ? null : new KeySchema(tableName, hashAttribute, rangeAttribute, hashProperty, rangeProperty);
        }

        /// <summary>The table a mapped class is stored in: its <c>[DynamoDBTable]</c> name, else the class name.</summary>
        public static string MappedTableName(INamedTypeSymbol named, DynamoDBSymbols symbols)
        {
            foreach (var attribute in named.GetAttributes())
            {
                if (attribute.AttributeClass.Is(symbols.DynamoDBTableAttribute) && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].Value is string declared)
                {
                    return declared;
                }
            }

            return named.Name;
        }

        /// <summary>Every declaration <see cref="Build"/> reads holds one of these words: files without any are skipped.</summary>
        private static readonly string[] DeclarationWords = { "DynamoDBTable", "DynamoDBTableAttribute", "CreateTableRequest", "TableBuilder", "KeySchema" };

        /// <summary>With Amazon.CDK.Lib referenced, also the CDK table constructs and their <c>AddGlobalSecondaryIndex</c>.</summary>
        private static readonly string[] DeclarationWordsWithCdk = DeclarationWords.Concat(new[] { "Table", "TableV2", "AddGlobalSecondaryIndex" }).ToArray();

        internal static KeySchemaIndex Build(DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var fromAttributes = new Dictionary<string, KeySchema?>(StringComparer.Ordinal);
            var fromCreation = new Dictionary<string, KeySchema?>(StringComparer.Ordinal);
            var indexes = new List<SecondaryIndex>();
            var compilation = symbols.Compilation;
            var cdk = CdkTypes.IsReferenced(compilation);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!SourceTextFilter.MayContainAnyWord(tree, cdk ? DeclarationWordsWithCdk : DeclarationWords, cancellationToken))
                {
                    continue; // no table attribute, table request, table builder, key schema or CDK table in the file's text
                }

                SemanticModel? model = null;
                foreach (var node in Candidates(tree, cdk, cancellationToken))
                {
                    switch (node)
                    {
                        case TypeDeclarationSyntax type when HasAttributeNamed(type, "DynamoDBTable"):
                            {
#pragma warning disable RS1030 // Once per tree per compilation, only for the few declarations the syntax pre-filter selects.
                                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                                if (model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol)
                                {
                                    var schema = FromMappedType(symbol, symbols);
                                    var hasTableAttribute = false;
                                    foreach (var attribute in symbol.GetAttributes())
                                    {
                                        hasTableAttribute |= attribute.AttributeClass.Is(symbols.DynamoDBTableAttribute);
                                    }

                                    if (schema != null && hasTableAttribute)
                                    {
                                        Add(fromAttributes, schema);
                                    }

                                    if (hasTableAttribute)
                                    {
                                        indexes.AddRange(SecondaryIndexDeclarations.FromMappedType(symbol, MappedTableName(symbol, symbols), symbols));
                                    }
                                }

                                break;
                            }

                        case InvocationExpressionSyntax invocation when cdk && CdkTableDeclarations.IsCandidateCall(invocation):
                            {
#pragma warning disable RS1030 // Once per tree per compilation, only for the few calls the syntax pre-filter selects.
                                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                                if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation call
                                    && CdkTableDeclarations.FromAddGlobalSecondaryIndex(call, cancellationToken) is { } index)
                                {
                                    indexes.Add(index);
                                }

                                break;
                            }

                        case BaseObjectCreationExpressionSyntax creation when IsCandidateCreation(creation, cdk):
                            {
#pragma warning disable RS1030 // Once per tree per compilation, only for the few creations the syntax pre-filter selects.
                                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                                if (model.GetOperation(creation, cancellationToken) is IObjectCreationOperation operation)
                                {
                                    if (operation.Type.Is(symbols.CreateTableRequest))
                                    {
                                        var schema = FromCreateTableRequest(operation, symbols, indexes, cancellationToken);
                                        if (schema != null)
                                        {
                                            Add(fromCreation, schema);
                                        }
                                    }
                                    else if (operation.Type.Is(symbols.TableBuilder))
                                    {
                                        var schema = FromTableBuilder(operation, indexes, cancellationToken);
                                        if (schema != null)
                                        {
                                            Add(fromCreation, schema);
                                        }
                                    }
                                    else if (cdk && CdkTableDeclarations.FromTableCreation(operation, indexes, cancellationToken) is { } schema)
                                    {
                                        Add(fromCreation, schema);
                                    }
                                }

                                break;
                            }
                    }
                }
            }

            return new KeySchemaIndex(Freeze(fromAttributes), Freeze(fromCreation), SecondaryIndexMap.Create(indexes));
        }

        /// <summary>
        /// The declarations <see cref="Build"/> reads in <paramref name="tree"/>, in document order: found from the places
        /// their names stand in the text (<see cref="SourceTextFilter.IdentifiersNamed"/>), not by walking the file.
        /// </summary>
        private static List<SyntaxNode> Candidates(SyntaxTree tree, bool cdk, CancellationToken cancellationToken)
        {
            var found = new List<SyntaxNode>();
            foreach (var word in cdk ? DeclarationWordsWithCdk : DeclarationWords)
            {
                foreach (var token in SourceTextFilter.IdentifiersNamed(tree, word, cancellationToken))
                {
                    var node = CandidateAt(token, cdk);
                    if (node != null && !found.Contains(node))
                    {
                        found.Add(node);
                    }
                }
            }

            // Pre-order, as a walk of the file would meet them: by position, an enclosing declaration first.
            found.Sort((a, b) => a.SpanStart != b.SpanStart ? a.SpanStart.CompareTo(b.SpanStart) : b.Span.Length.CompareTo(a.Span.Length));
            return found;
        }

        /// <summary>The declaration whose name <paramref name="token"/> is: an attributed type, a creation, a CDK index call.</summary>
        private static SyntaxNode? CandidateAt(SyntaxToken token, bool cdk)
        {
            if (token.Parent is not IdentifierNameSyntax name)
            {
                return null;
            }

            var written = SourceTextFilter.WrittenExpression(name);
            switch (written.Parent)
            {
                case AttributeSyntax attribute when attribute.Name == written:
                    return attribute.Parent?.Parent is TypeDeclarationSyntax type && HasAttributeNamed(type, "DynamoDBTable") ? type : null;
                case ObjectCreationExpressionSyntax creation when creation.Type == written:
                    return IsCandidateCreation(creation, cdk) ? creation : null;
                case InvocationExpressionSyntax invocation when invocation.Expression == written && written is MemberAccessExpressionSyntax:
                    return cdk && CdkTableDeclarations.IsCandidateCall(invocation) ? invocation : null;
                case AssignmentExpressionSyntax assignment when assignment.Left == name && assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }:
                    return IsCandidateCreation(creation, cdk) ? creation : null;
                default:
                    return null;
            }
        }

        private static bool IsCandidateCreation(BaseObjectCreationExpressionSyntax creation, bool cdk)
        {
            if (creation is ObjectCreationExpressionSyntax explicitCreation)
            {
                var name = explicitCreation.Type is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                    : explicitCreation.Type is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : string.Empty;
                return name == "CreateTableRequest" || name == "TableBuilder" || (cdk && CdkTableDeclarations.IsCandidateTypeName(name));
            }

            // new() { TableName = ..., KeySchema = ... }
            if (creation.Initializer != null)
            {
                foreach (var expression in creation.Initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "KeySchema" } })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasAttributeNamed(TypeDeclarationSyntax type, string name)
        {
            foreach (var list in type.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var text = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                        : attribute.Name is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : string.Empty;
                    if (text == name || text == name + "Attribute")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void Add(Dictionary<string, KeySchema?> map, KeySchema schema)
        {
            if (map.TryGetValue(schema.TableName, out var existing))
            {
                if (existing != null && !existing.SameKeys(schema))
                {
                    map[schema.TableName] = null; // declared twice with different keys: ambiguous
                }

                return;
            }

            map[schema.TableName] = schema;
        }

        private static ImmutableDictionary<string, KeySchema> Freeze(Dictionary<string, KeySchema?> map)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, KeySchema>(StringComparer.Ordinal);
            foreach (var pair in map)
            {
                if (pair.Value != null)
                {
                    builder[pair.Key] = pair.Value;
                }
            }

            return builder.ToImmutable();
        }

        private static KeySchema? FromCreateTableRequest(IObjectCreationOperation creation, DynamoDBSymbols symbols, List<SecondaryIndex> indexes, CancellationToken cancellationToken)
        {
            var model = RequestModel.FromCreation(creation, cancellationToken);
            if (!model.TryGet("TableName", out var tableSetting)
                || !ValueResolver.TryResolveString(tableSetting.Value, out var tableName, cancellationToken) || !tableName.IsFullyKnown)
            {
                return null;
            }

            indexes.AddRange(SecondaryIndexDeclarations.FromCreateTableRequest(model, tableName.Value, symbols, cancellationToken));
            if (!model.TryGet("KeySchema", out var keySetting))
            {
                return null;
            }

            var keyValue = ValueResolver.Unwrap(keySetting.Value);
            if (keyValue is ILocalReferenceOperation)
            {
                keyValue = OperationTracing.Source(keyValue, cancellationToken);
            }

            if (keyValue?.SemanticModel is null)
            {
                return null;
            }

            string? hash = null, range = null;
            foreach (var node in keyValue.Syntax.DescendantNodesAndSelf())
            {
                if (node is BaseObjectCreationExpressionSyntax element
                    && keyValue.SemanticModel.GetOperation(element, cancellationToken) is IObjectCreationOperation elementCreation
                    && elementCreation.Type.Is(symbols.KeySchemaElement))
                {
                    var elementModel = RequestModel.FromCreation(elementCreation, cancellationToken);
                    if (!elementModel.TryGet("AttributeName", out var nameSetting) || !elementModel.TryGet("KeyType", out var typeSetting)
                        || !ValueResolver.TryResolveString(nameSetting.Value, out var attributeName, cancellationToken) || !attributeName.IsFullyKnown)
                    {
                        return null;
                    }

                    var keyType = ResolveConstantClassName(typeSetting.Value, cancellationToken);
                    if (keyType == "HASH")
                    {
                        hash = attributeName.Value;
                    }
                    else if (keyType == "RANGE")
                    {
                        range = attributeName.Value;
                    }
                    else
                    {
                        return null;
                    }
                }
            }

            return hash is null ? null : new KeySchema(tableName.Value, hash, range);
        }

        /// <summary>
        /// The value of an AWS SDK <c>ConstantClass</c> expression (<c>KeyType.HASH</c>, <c>ComparisonOperator.EQ</c>,
        /// or a string converted implicitly), or null when unknown.
        /// </summary>
        internal static string? ResolveConstantClassName(IOperation? value, CancellationToken cancellationToken)
        {
            var unwrapped = ValueResolver.Unwrap(value);
            if (unwrapped is IConversionOperation { OperatorMethod: not null } conversion)
            {
                unwrapped = ValueResolver.Unwrap(conversion.Operand);
            }

            if (unwrapped is IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false } field } && field.Type.Equals(field.ContainingType, SymbolEqualityComparer.Default))
            {
                return field.Name;
            }

            return ValueResolver.TryResolveString(unwrapped, out var text, cancellationToken) && text.IsFullyKnown ? text.Value : null;
        }

        private static KeySchema? FromTableBuilder(IObjectCreationOperation creation, List<SecondaryIndex> indexes, CancellationToken cancellationToken)
        {
            if (creation.Arguments.Length < 2 || !ValueResolver.TryResolveString(creation.Arguments[1].Value, out var tableName, cancellationToken) || !tableName.IsFullyKnown
                || creation.Arguments[1].Parameter?.Name != "tableName")
            {
                return null;
            }

            string? hash = null, range = null;
            IOperation current = creation;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation { IsImplicit: true })
                {
                    parent = parent.Parent;
                }

                if (parent is not IInvocationOperation call || call.Instance is null || ValueResolver.Unwrap(call.Instance) != current)
                {
                    break;
                }

                var method = call.TargetMethod.Name;
                if ((method == "AddHashKey" || method == "AddRangeKey") && call.Arguments.Length > 0
                    && ValueResolver.TryResolveString(call.Arguments[0].Value, out var key, cancellationToken) && key.IsFullyKnown)
                {
                    if (method == "AddHashKey")
                    {
                        hash = key.Value;
                    }
                    else
                    {
                        range = key.Value;
                    }
                }
                else if (SecondaryIndexDeclarations.FromTableBuilderCall(call, tableName.Value, cancellationToken) is { } index)
                {
                    indexes.Add(index);
                }

                current = call;
            }

            return hash is null ? null : new KeySchema(tableName.Value, hash, range);
        }
    }
}
