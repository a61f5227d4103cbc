using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    /// <summary>What the filter of a Scan says about the table's partition key.</summary>
    internal enum ScanFilterVerdict
    {
        /// <summary>The filter cannot be read (built at run time, a placeholder without a name, unknown key schema…).</summary>
        Unknown,

        /// <summary>No filter at all.</summary>
        NoFilter,

        /// <summary>The filter never mentions the partition key.</summary>
        NonKey,

        /// <summary>The filter mentions the partition key, but not as an equality every result must satisfy (range, OR, NOT, function).</summary>
        KeyNotEquality,

        /// <summary>The filter requires the partition key to equal a value (alone or AND-ed with other conditions).</summary>
        KeyEquality,
    }

    /// <summary>One condition of a legacy filter (ScanFilter dictionary, Table ScanFilter, ScanCondition list).</summary>
    internal readonly struct LegacyCondition
    {
        public LegacyCondition(string attribute, string? op, int valueCount, SyntaxNode syntax)
        {
            Attribute = attribute;
            Operator = op;
            ValueCount = valueCount;
            Syntax = syntax;
        }

        public string Attribute { get; }

        /// <summary><c>EQ</c>/<c>Equal</c>… or null when unknown.</summary>
        public string? Operator { get; }

        public int ValueCount { get; }

        public SyntaxNode Syntax { get; }

        public bool IsEquality => (Operator == "EQ" || Operator == "Equal") && ValueCount == 1;
    }

    /// <summary>
    /// The facts about one Scan invocation of any programming model: the table, its key schema, whether it is a parallel
    /// scan or an index scan, and what the filter says about the partition key.
    /// </summary>
    internal sealed class ScanAnalysis
    {
        private ScanAnalysis(DynamoDBReadShape shape)
        {
            Shape = shape;
        }

        public DynamoDBReadShape Shape { get; }

        public string? TableName { get; private set; }

        public KeySchema? Keys { get; private set; }

        /// <summary>Segment or TotalSegments is set: a deliberate parallel bulk scan.</summary>
        public bool IsParallel { get; private set; }

        /// <summary>The scan reads a secondary index (the table's key schema does not apply).</summary>
        public bool UsesIndex { get; private set; }

        public ScanFilterVerdict Verdict { get; private set; } = ScanFilterVerdict.Unknown;

        /// <summary>True when the sort key is also fixed by an AND-ed equality.</summary>
        public bool SortKeyEquality { get; private set; }

        /// <summary>
        /// Set when the verdict is <see cref="ScanFilterVerdict.KeyEquality"/> on a global secondary index's partition key
        /// (the filter never names the table's partition key): the Scan is a Query on this index.
        /// </summary>
        public SecondaryIndex? Index { get; private set; }

        /// <summary>For a document-model scan: the receiver comes from <c>Table.LoadTable</c> (the SDK describes the real table, indexes included).</summary>
        public bool ReceiverDescribesTable { get; private set; }

        /// <summary>For a document-model scan: the indexes the receiver's <c>TableBuilder</c> chain adds with <c>AddGlobalSecondaryIndex</c>.</summary>
        public ImmutableHashSet<string> ReceiverIndexes { get; private set; } = ImmutableHashSet<string>.Empty;

        /// <summary>The partition key the Query would use: the index's when <see cref="Index"/> is set, else the table's (C# property names for <c>ScanAsync&lt;T&gt;</c>).</summary>
        public string? QueryPartitionKey => Index is { } index
            ? (Shape == DynamoDBReadShape.ContextScan ? index.PartitionProperty : index.PartitionKey)
            : (Shape == DynamoDBReadShape.ContextScan ? Keys?.PartitionProperty : Keys?.PartitionKey);

        /// <summary>The sort key the Query would use (see <see cref="QueryPartitionKey"/>).</summary>
        public string? QuerySortKey => Index is { } index
            ? (Shape == DynamoDBReadShape.ContextScan ? index.SortProperty : index.SortKey)
            : (Shape == DynamoDBReadShape.ContextScan ? Keys?.SortProperty : Keys?.SortKey);

        /// <summary>The low-level request (ScanRequest), when the scan takes one.</summary>
        public RequestModel? Request { get; private set; }

        /// <summary>The parsed FilterExpression, with the resolved names of its placeholders.</summary>
        public ConditionNode? Filter { get; private set; }

        public string? FilterText { get; private set; }

        public IReadOnlyDictionary<string, string>? AttributeNames { get; private set; }

        /// <summary>The legacy conditions (ScanFilter dictionary / document ScanFilter / ScanCondition list), in source order.</summary>
        public ImmutableArray<LegacyCondition> LegacyConditions { get; private set; } = ImmutableArray<LegacyCondition>.Empty;

        public static ScanAnalysis? Analyze(IInvocationOperation invocation, DynamoDBSymbols symbols, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var shape = symbols.ClassifyScan(invocation.TargetMethod);
            if (shape == DynamoDBReadShape.None)
            {
                return null;
            }

            var analysis = new ScanAnalysis(shape);
            switch (shape)
            {
                case DynamoDBReadShape.ClientScanRequest:
                case DynamoDBReadShape.PaginatorScan:
                    analysis.FromScanRequest(invocation, cancellationToken);
                    break;
                case DynamoDBReadShape.ClientScanTableName:
                    analysis.FromTableNameOverload(invocation, cancellationToken);
                    break;
                case DynamoDBReadShape.TableScan:
                    analysis.FromTableScan(invocation, symbols, cancellationToken);
                    break;
                case DynamoDBReadShape.ContextScan:
                case DynamoDBReadShape.ContextFromScan:
                    analysis.FromContextScan(invocation, symbols, cancellationToken);
                    break;
            }

            if (analysis.Keys is null && analysis.TableName != null)
            {
                analysis.Keys = symbols.GetKeySchemas(cancellationToken).Find(analysis.TableName, options, invocation.Syntax.SyntaxTree);
            }

            analysis.Decide();
            if (analysis.Verdict == ScanFilterVerdict.NonKey && analysis.Keys != null)
            {
                analysis.MatchGlobalIndex(invocation, symbols, cancellationToken);
            }

            return analysis;
        }

        /// <summary>
        /// A filter that never names the table's partition key but requires a global secondary index's partition key to equal
        /// a value: a Query on that index. Of several such indexes, one whose sort key is also fixed wins, then the first by name.
        /// For <c>ScanAsync&lt;T&gt;</c> only indexes <c>T</c> itself declares count (QueryAsync with an IndexName needs them).
        /// </summary>
        private void MatchGlobalIndex(IInvocationOperation invocation, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var map = symbols.GetKeySchemas(cancellationToken).SecondaryIndexes;
            IEnumerable<SecondaryIndex> candidates;
            if (Shape == DynamoDBReadShape.ContextScan)
            {
                if (invocation.TargetMethod.TypeArguments.Length != 1 || invocation.TargetMethod.TypeArguments[0] is not INamedTypeSymbol mapped)
                {
                    return;
                }

                var own = new List<SecondaryIndex>();
                foreach (var declared in SecondaryIndexMap.Create(SecondaryIndexDeclarations.FromMappedType(mapped, Keys!.TableName, symbols)).Of(Keys.TableName))
                {
                    // The compilation-wide declaration adds what the class cannot say (the projection), when it agrees.
                    var merged = map.Find(Keys.TableName, declared.IndexName);
                    own.Add(merged != null && merged.PartitionProperty == declared.PartitionProperty && merged.SortProperty == declared.SortProperty ? merged : declared);
                }

                candidates = own;
            }
            else
            {
                candidates = map.Of(Keys!.TableName);
            }

            SecondaryIndex? best = null;
            var bestSort = false;
            foreach (var index in candidates)
            {
                var partition = Shape == DynamoDBReadShape.ContextScan ? index.PartitionProperty : index.PartitionKey;
                var sort = Shape == DynamoDBReadShape.ContextScan ? index.SortProperty : index.SortKey;
                if (index.Kind != SecondaryIndexKind.Global || partition is null)
                {
                    continue;
                }

                SortKeyEquality = false;
                var verdict = Filter != null ? ClassifyExpression(Filter, partition, sort) : ClassifyLegacy(partition, sort);
                if (verdict == ScanFilterVerdict.KeyEquality
                    && (best is null || (SortKeyEquality && !bestSort) || (SortKeyEquality == bestSort && string.CompareOrdinal(index.IndexName, best.IndexName) < 0)))
                {
                    best = index;
                    bestSort = SortKeyEquality;
                }
            }

            SortKeyEquality = false; // the item-by-key action is for the table's primary key only
            if (best != null)
            {
                Index = best;
                Verdict = ScanFilterVerdict.KeyEquality;
            }
        }

        private void Decide()
        {
            if (Verdict == ScanFilterVerdict.NoFilter || Verdict == ScanFilterVerdict.Unknown && Filter is null && LegacyConditions.IsEmpty)
            {
                return;
            }

            if (Keys is null || UsesIndex)
            {
                Verdict = ScanFilterVerdict.Unknown;
                return;
            }

            var partition = Shape == DynamoDBReadShape.ContextScan ? Keys.PartitionProperty : Keys.PartitionKey;
            var sort = Shape == DynamoDBReadShape.ContextScan ? Keys.SortProperty : Keys.SortKey;
            if (Filter != null)
            {
                Verdict = ClassifyExpression(Filter, partition, sort);
                return;
            }

            Verdict = ClassifyLegacy(partition, sort);
        }

        private ScanFilterVerdict ClassifyLegacy(string partition, string? sort)
        {
            var mentionsKey = false;
            var keyEquality = false;
            var sortEquality = false;
            foreach (var condition in LegacyConditions)
            {
                if (condition.Operator is null)
                {
                    return ScanFilterVerdict.Unknown;
                }

                if (condition.Attribute == partition)
                {
                    mentionsKey = true;
                    keyEquality |= condition.IsEquality && !_legacyOr;
                }
                else if (sort != null && condition.Attribute == sort)
                {
                    sortEquality |= condition.IsEquality && !_legacyOr;
                }
            }

            SortKeyEquality = keyEquality && sortEquality;
            return keyEquality ? ScanFilterVerdict.KeyEquality : mentionsKey ? ScanFilterVerdict.KeyNotEquality : ScanFilterVerdict.NonKey;
        }

        private bool _legacyOr;

        private ScanFilterVerdict ClassifyExpression(ConditionNode filter, string partition, string? sort)
        {
            var keyEquality = false;
            var sortEquality = false;
            foreach (var conjunct in filter.Conjuncts)
            {
                if (TryKeyEquality(conjunct, out var attribute))
                {
                    if (attribute is null)
                    {
                        return ScanFilterVerdict.Unknown;
                    }

                    keyEquality |= attribute == partition;
                    sortEquality |= sort != null && attribute == sort;
                }
            }

            if (keyEquality)
            {
                SortKeyEquality = sortEquality;
                return ScanFilterVerdict.KeyEquality;
            }

            var mention = Mentions(filter, partition);
            return mention switch
            {
                null => ScanFilterVerdict.Unknown,
                true => ScanFilterVerdict.KeyNotEquality,
                false => ScanFilterVerdict.NonKey,
            };
        }

        /// <summary>True when the node is <c>path = :value</c> (either order); <paramref name="attribute"/> is the resolved name (null if a placeholder has no name).</summary>
        public bool TryKeyEquality(ConditionNode node, out string? attribute)
        {
            attribute = null;
            if (node.Kind != ConditionKind.Comparison || node.Operator != "=")
            {
                return false;
            }

            var left = node.Operands[0];
            var right = node.Operands[1];
            var path = left.Kind == OperandKind.Path && right.Kind == OperandKind.Value ? left
                : right.Kind == OperandKind.Path && left.Kind == OperandKind.Value ? right : null;
            if (path is null || !path.IsTopLevelAttribute)
            {
                return false;
            }

            attribute = ResolveName(path.PathSegments[0]);
            return true;
        }

        /// <summary>
        /// Adds the top-level attribute of every path in the condition to <paramref name="attributes"/>; false when a
        /// placeholder has no known name (or the condition is too large to walk).
        /// </summary>
        public bool TryCollectAttributes(ConditionNode node, HashSet<string> attributes)
        {
            var pending = new Stack<ConditionNode>();
            pending.Push(node);
            for (var visited = 0; pending.Count > 0; visited++)
            {
                if (visited > 1024)
                {
                    return false;
                }

                var current = pending.Pop();
                foreach (var child in current.Children)
                {
                    pending.Push(child);
                }

                foreach (var operand in current.Operands)
                {
                    if (operand.Kind != OperandKind.Path)
                    {
                        continue;
                    }

                    var name = ResolveName(operand.PathSegments[0]);
                    if (name is null)
                    {
                        return false;
                    }

                    attributes.Add(name);
                }
            }

            return true;
        }

        /// <summary>The attribute a path segment names: itself, or the <c>ExpressionAttributeNames</c> entry of a <c>#placeholder</c> (null when unknown).</summary>
        public string? ResolveName(string segment)
        {
            if (!segment.StartsWith("#", StringComparison.Ordinal))
            {
                return segment;
            }

            return AttributeNames != null && AttributeNames.TryGetValue(segment, out var name) ? name : null;
        }

        /// <summary>Does any path in the condition name <paramref name="attribute"/>? Null when a placeholder cannot be resolved.</summary>
        public bool? Mentions(ConditionNode node, string attribute)
        {
            foreach (var child in node.Children)
            {
                var inner = Mentions(child, attribute);
                if (inner != false)
                {
                    return inner;
                }
            }

            foreach (var operand in node.Operands)
            {
                if (operand.Kind != OperandKind.Path)
                {
                    continue;
                }

                var name = ResolveName(operand.PathSegments[0]);
                if (name is null)
                {
                    return null;
                }

                if (name == attribute)
                {
                    return true;
                }
            }

            return false;
        }

        private void FromScanRequest(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            if (invocation.Arguments.Length == 0)
            {
                return;
            }

            var request = RequestModel.Create(invocation.Arguments[0].Value, cancellationToken);
            if (request is null)
            {
                return;
            }

            Request = request;
            TableName = ResolveKnownString(request, "TableName", cancellationToken);
            IsParallel = request.IsSet("Segment") || request.IsSet("TotalSegments");
            UsesIndex = request.IsSet("IndexName");
            var names = request.TryGet("ExpressionAttributeNames", out var namesSetting) ? namesSetting.Value : null;
            if (request.TryGet("FilterExpression", out var filter))
            {
                ReadExpression(filter.Value, names, cancellationToken);
            }
            else if (request.TryGet("ScanFilter", out var scanFilter))
            {
                _legacyOr = request.TryGet("ConditionalOperator", out var op) && KeySchemaIndex.ResolveConstantClassName(op.Value, cancellationToken) != "AND";
                ReadConditionDictionary(scanFilter.Value, cancellationToken);
            }
            else if (request.IsComplete && request.Creation != null)
            {
                Verdict = ScanFilterVerdict.NoFilter;
            }
        }

        private void FromTableNameOverload(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            IOperation? filter = null;
            foreach (var argument in invocation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "tableName" when ValueResolver.TryResolveString(argument.Value, out var table, cancellationToken) && table.IsFullyKnown:
                        TableName = table.Value;
                        break;
                    case "scanFilter":
                        filter = argument.Value;
                        break;
                }
            }

            if (filter is null)
            {
                Verdict = ScanFilterVerdict.NoFilter;
                return;
            }

            ReadConditionDictionary(filter, cancellationToken);
        }

        private void ReadConditionDictionary(IOperation value, CancellationToken cancellationToken)
        {
            if (ValueResolver.Unwrap(value) is IDefaultValueOperation or ILiteralOperation { ConstantValue: { HasValue: true, Value: null } })
            {
                Verdict = ScanFilterVerdict.NoFilter;
                return;
            }

            var entries = OperationTracing.ReadDictionary(value, out var complete, cancellationToken);
            if (entries is null || !complete)
            {
                return;
            }

            var conditions = ImmutableArray.CreateBuilder<LegacyCondition>();
            foreach (var entry in entries)
            {
                string? op = null;
                var count = 0;
                if (OperationTracing.Source(entry.Value, cancellationToken) is IObjectCreationOperation creation)
                {
                    var model = RequestModel.FromCreation(creation, cancellationToken);
                    if (model.TryGet("ComparisonOperator", out var opSetting))
                    {
                        op = KeySchemaIndex.ResolveConstantClassName(opSetting.Value, cancellationToken);
                    }

                    if (model.TryGet("AttributeValueList", out var values) && ValueResolver.Unwrap(values.Value) is IObjectCreationOperation list && list.Initializer != null)
                    {
                        count = list.Initializer.Initializers.Length;
                    }
                }

                conditions.Add(new LegacyCondition(entry.Key, op, count, entry.Value.Syntax));
            }

            LegacyConditions = conditions.ToImmutable();
            Verdict = conditions.Count == 0 ? ScanFilterVerdict.NoFilter : ScanFilterVerdict.Unknown;
        }

        private void ReadExpression(IOperation text, IOperation? names, CancellationToken cancellationToken)
        {
            if (!ValueResolver.TryResolveString(text, out var filter, cancellationToken) || !filter.IsFullyKnown)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(filter.Value))
            {
                Verdict = ScanFilterVerdict.NoFilter;
                return;
            }

            if (!ConditionExpressionParser.TryParse(filter.Value, out var parsed))
            {
                return;
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (names != null)
            {
                var entries = OperationTracing.ReadDictionary(names, out _, cancellationToken);
                if (entries != null)
                {
                    foreach (var entry in entries)
                    {
                        if (ValueResolver.TryResolveString(entry.Value, out var name, cancellationToken) && name.IsFullyKnown)
                        {
                            map[entry.Key] = name.Value;
                        }
                    }
                }
            }

            Filter = parsed;
            FilterText = filter.Value;
            AttributeNames = map;
        }

        private void FromTableScan(IInvocationOperation invocation, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            ReadTableReceiver(invocation.Instance, cancellationToken);
            if (invocation.Arguments.Length == 0)
            {
                return;
            }

            var argument = invocation.Arguments[0];
            var type = argument.Parameter?.Type;
            if (type.Is(symbols.ScanFilter))
            {
                ReadDocumentScanFilter(argument.Value, cancellationToken);
            }
            else if (type.Is(symbols.Expression))
            {
                ReadDocumentExpression(argument.Value, cancellationToken);
            }
            else if (type.Is(symbols.ScanOperationConfig))
            {
                ReadScanOperationConfig(argument.Value, cancellationToken);
            }
        }

        private void ReadScanOperationConfig(IOperation value, CancellationToken cancellationToken)
        {
            var config = RequestModel.Create(value, cancellationToken);
            if (config is null)
            {
                return;
            }

            IsParallel = config.IsSet("Segment") || config.IsSet("TotalSegments");
            UsesIndex = config.IsSet("IndexName");
            if (config.TryGet("FilterExpression", out var expression))
            {
                ReadDocumentExpression(expression.Value, cancellationToken);
            }
            else if (config.TryGet("Filter", out var filter))
            {
                _legacyOr = config.TryGet("ConditionalOperator", out var op) && !(ValueResolver.TryResolveEnumMember(op.Value, out var name, out _, cancellationToken) && name == "And");
                ReadDocumentScanFilter(filter.Value, cancellationToken);
            }
            else if (config.IsComplete && config.Creation != null)
            {
                Verdict = ScanFilterVerdict.NoFilter;
            }
        }

        private void ReadDocumentExpression(IOperation value, CancellationToken cancellationToken)
        {
            var expression = RequestModel.Create(value, cancellationToken);
            if (expression != null && expression.TryGet("ExpressionStatement", out var statement))
            {
                ReadExpression(statement.Value, expression.TryGet("ExpressionAttributeNames", out var names) ? names.Value : null, cancellationToken);
            }
        }

        /// <summary>A document-model <c>ScanFilter</c>: <c>new ScanFilter()</c> in a local with <c>AddCondition(name, ScanOperator.X, values)</c> calls.</summary>
        private void ReadDocumentScanFilter(IOperation value, CancellationToken cancellationToken)
        {
            if (ValueResolver.Unwrap(value) is not ILocalReferenceOperation local
                || OperationTracing.Source(value, cancellationToken) is not IObjectCreationOperation { Arguments.Length: 0, Initializer: null })
            {
                return;
            }

            var conditions = ImmutableArray.CreateBuilder<LegacyCondition>();
            foreach (var call in OperationTracing.CallsOn(value, local.Local, "AddCondition"))
            {
                if (call.Arguments.Length < 2 || !ValueResolver.TryResolveString(call.Arguments[0].Value, out var attribute, cancellationToken) || !attribute.IsFullyKnown)
                {
                    return;
                }

                var op = ValueResolver.TryResolveEnumMember(call.Arguments[1].Value, out var name, out _, cancellationToken) ? name : null;
                conditions.Add(new LegacyCondition(attribute.Value, op, CountValues(call), call.Syntax));
            }

            LegacyConditions = conditions.ToImmutable();
            Verdict = conditions.Count == 0 ? ScanFilterVerdict.NoFilter : ScanFilterVerdict.Unknown;
        }

        private static int CountValues(IInvocationOperation call)
        {
            var count = 0;
            for (var i = 2; i < call.Arguments.Length; i++)
            {
                var argument = call.Arguments[i];
                if (argument.ArgumentKind == ArgumentKind.ParamArray && ValueResolver.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } init })
                {
                    count += init.ElementValues.Length;
                }
                else
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The table a document-model <c>Table</c> comes from: <c>Table.LoadTable(client, name)</c> or <c>new TableBuilder(client, name)…Build()</c>.</summary>
        private void ReadTableReceiver(IOperation? receiver, CancellationToken cancellationToken)
        {
            var source = OperationTracing.Source(receiver, cancellationToken);
            if (source is IInvocationOperation { TargetMethod.Name: "LoadTable" } load)
            {
                ReceiverDescribesTable = true;
                foreach (var argument in load.Arguments)
                {
                    if (argument.Parameter?.Name == "tableName" && ValueResolver.TryResolveString(argument.Value, out var name, cancellationToken) && name.IsFullyKnown)
                    {
                        TableName = name.Value;
                    }
                }

                return;
            }

            string? hash = null, range = null;
            var builderIndexes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            while (source is IInvocationOperation call)
            {
                if (call.TargetMethod.Name == "AddGlobalSecondaryIndex" && call.Arguments.Length > 0
                    && ValueResolver.TryResolveString(call.Arguments[0].Value, out var indexName, cancellationToken) && indexName.IsFullyKnown)
                {
                    builderIndexes.Add(indexName.Value);
                }

                if ((call.TargetMethod.Name == "AddHashKey" || call.TargetMethod.Name == "AddRangeKey") && call.Arguments.Length > 0
                    && ValueResolver.TryResolveString(call.Arguments[0].Value, out var key, cancellationToken) && key.IsFullyKnown)
                {
                    if (call.TargetMethod.Name == "AddHashKey")
                    {
                        hash ??= key.Value;
                    }
                    else
                    {
                        range ??= key.Value;
                    }
                }

                source = ValueResolver.Unwrap(call.Instance);
            }

            if (source is IObjectCreationOperation creation && creation.Arguments.Length >= 2 && creation.Arguments[1].Parameter?.Name == "tableName"
                && ValueResolver.TryResolveString(creation.Arguments[1].Value, out var table, cancellationToken) && table.IsFullyKnown)
            {
                TableName = table.Value;
                ReceiverIndexes = builderIndexes.ToImmutable();
                if (hash != null)
                {
                    Keys = new KeySchema(table.Value, hash, range);
                }
            }
        }

        private void FromContextScan(IInvocationOperation invocation, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var mapped = invocation.TargetMethod.TypeArguments.Length == 1 ? invocation.TargetMethod.TypeArguments[0] : null;
            Keys = KeySchemaIndex.FromMappedType(mapped, symbols);
            TableName = Keys?.TableName;
            if (Shape == DynamoDBReadShape.ContextFromScan)
            {
                if (invocation.Arguments.Length > 0)
                {
                    ReadScanOperationConfig(invocation.Arguments[0].Value, cancellationToken);
                }

                return;
            }

            IOperation? conditions = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (argument.Parameter.Name == "conditions")
                {
                    conditions = argument.Value;
                }
                else if (!IsNull(argument.Value))
                {
                    // A ScanConfig / DynamoDBOperationConfig: only an index-free, AND-ed config keeps the conditions' meaning.
                    var config = RequestModel.Create(argument.Value, cancellationToken);
                    if (config is null || config.IsSet("IndexName") || config.IsSet("QueryFilter") || config.IsSet("OverrideTableName")
                        || (config.TryGet("ConditionalOperator", out var op) && !(ValueResolver.TryResolveEnumMember(op.Value, out var name, out _, cancellationToken) && name == "And")))
                    {
                        return;
                    }
                }
            }

            if (conditions is null)
            {
                return; // ContextExpression filter: not analysed
            }

            var list = ImmutableArray.CreateBuilder<LegacyCondition>();
            var source = OperationTracing.Source(conditions, cancellationToken) ?? ValueResolver.Unwrap(conditions);
            if (source?.SemanticModel is null)
            {
                return;
            }

            foreach (var node in source.Syntax.DescendantNodesAndSelf())
            {
                if (node is BaseObjectCreationExpressionSyntax creationSyntax
                    && source.SemanticModel.GetOperation(creationSyntax, cancellationToken) is IObjectCreationOperation creation
                    && creation.Type.Is(symbols.ScanCondition) && creation.Arguments.Length >= 2)
                {
                    if (!ValueResolver.TryResolveString(creation.Arguments[0].Value, out var property, cancellationToken) || !property.IsFullyKnown)
                    {
                        return;
                    }

                    var op = ValueResolver.TryResolveEnumMember(creation.Arguments[1].Value, out var name, out _, cancellationToken) ? name : null;
                    var count = 0;
                    for (var i = 2; i < creation.Arguments.Length; i++)
                    {
                        count += creation.Arguments[i].ArgumentKind == ArgumentKind.ParamArray && ValueResolver.Unwrap(creation.Arguments[i].Value) is IArrayCreationOperation { Initializer: { } init }
                            ? init.ElementValues.Length : 1;
                    }

                    list.Add(new LegacyCondition(property.Value, op, count, creation.Syntax));
                }
            }

            LegacyConditions = list.ToImmutable();
            // An empty collection passed inline is "no filter"; an empty local may be filled by later Add calls.
            Verdict = list.Count == 0 && IsEmptyCollection(source) && ValueResolver.Unwrap(conditions) is not ILocalReferenceOperation
                ? ScanFilterVerdict.NoFilter : ScanFilterVerdict.Unknown;
        }

        private static bool IsNull(IOperation value) => ValueResolver.Unwrap(value) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

        private static bool IsEmptyCollection(IOperation source)
            => source is IArrayCreationOperation { Initializer.ElementValues.Length: 0 } || source is IObjectCreationOperation { Initializer: null, Arguments.Length: 0 }
               || source.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } };

        private static string? ResolveKnownString(RequestModel model, string property, CancellationToken cancellationToken)
            => model.TryGet(property, out var setting) && ValueResolver.TryResolveString(setting.Value, out var value, cancellationToken) && value.IsFullyKnown ? value.Value : null;
    }
}
