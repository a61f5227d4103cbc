using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    /// <summary>
    /// Tables and global secondary indexes declared with the AWS CDK v2 (<c>Amazon.CDK.Lib</c>) in the compilation:
    /// <c>new Table(scope, id, new TableProps { TableName, PartitionKey, SortKey })</c> with
    /// <c>table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps { IndexName, PartitionKey, SortKey, ProjectionType })</c>, and
    /// <c>new TableV2(scope, id, new TablePropsV2 { …, GlobalSecondaryIndexes = new[] { new GlobalSecondaryIndexPropsV2 { … } } })</c>.
    /// Only tables with a literal <c>TableName</c> count (a generated name cannot be matched to a Scan).
    /// </summary>
    internal static class CdkTableDeclarations
    {
        private const string DynamoDBNamespace = "Amazon.CDK.AWS.DynamoDB";
        private const int MaxIndexesPerTable = 64;

        /// <summary>Syntax pre-filter: a creation of a type written <c>Table</c> or <c>TableV2</c>.</summary>
        public static bool IsCandidateTypeName(string name) => name == "Table" || name == "TableV2";

        /// <summary>Syntax pre-filter: <c>x.AddGlobalSecondaryIndex(…)</c>.</summary>
        public static bool IsCandidateCall(InvocationExpressionSyntax invocation)
            => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddGlobalSecondaryIndex" };

        /// <summary>The key schema of a CDK <c>Table</c>/<c>TableV2</c> creation; a TableV2's <c>GlobalSecondaryIndexes</c> go to <paramref name="indexes"/>.</summary>
        public static KeySchema? FromTableCreation(IObjectCreationOperation creation, List<SecondaryIndex> indexes, CancellationToken cancellationToken)
        {
            if (!IsCdkTable(creation.Type) || !TryReadTableProps(creation, out var props, out var tableName, cancellationToken))
            {
                return null;
            }

            if (props.TryGet("GlobalSecondaryIndexes", out var list))
            {
                var source = OperationTracing.Source(list.Value, cancellationToken);
                if (source?.SemanticModel != null)
                {
                    var count = 0;
                    foreach (var node in source.Syntax.DescendantNodesAndSelf())
                    {
                        if (node is BaseObjectCreationExpressionSyntax elementSyntax && count < MaxIndexesPerTable
                            && source.SemanticModel.GetOperation(elementSyntax, cancellationToken) is IObjectCreationOperation element
                            && element.Type is INamedTypeSymbol { Name: "GlobalSecondaryIndexPropsV2" } elementType && IsCdkDynamoDBType(elementType)
                            && ReadIndex(RequestModel.FromCreation(element, cancellationToken), tableName, cancellationToken) is { } index)
                        {
                            indexes.Add(index);
                            count++;
                        }
                    }
                }
            }

            var partition = AttributeName(props, "PartitionKey", cancellationToken);
            return partition is null ? null : new KeySchema(tableName, partition, AttributeName(props, "SortKey", cancellationToken));
        }

        /// <summary><c>table.AddGlobalSecondaryIndex(props)</c> on a CDK table created in the same method (or field) with a literal name.</summary>
        public static SecondaryIndex? FromAddGlobalSecondaryIndex(IInvocationOperation call, CancellationToken cancellationToken)
        {
            if (call.TargetMethod.Name != "AddGlobalSecondaryIndex" || call.Arguments.Length != 1 || !IsCdkDynamoDBType(call.TargetMethod.ContainingType)
                || OperationTracing.Source(call.Instance, cancellationToken) is not IObjectCreationOperation table || !IsCdkTable(table.Type)
                || !TryReadTableProps(table, out _, out var tableName, cancellationToken))
            {
                return null;
            }

            var index = RequestModel.Create(call.Arguments[0].Value, cancellationToken);
            return index is null ? null : ReadIndex(index, tableName, cancellationToken);
        }

        private static SecondaryIndex? ReadIndex(RequestModel index, string tableName, CancellationToken cancellationToken)
        {
            if (!index.TryGetString("IndexName", out var name, out _, cancellationToken) || name.Length == 0)
            {
                return null;
            }

            // "Default: ALL" (Amazon.CDK.Lib documentation of GlobalSecondaryIndexProps(V2).ProjectionType). NonKeyAttributes is not read:
            // an INCLUDE projection then counts as keys only, which can only withhold a fix, never offer a wrong one.
            var projection = !index.TryGet("ProjectionType", out var type) ? IndexProjection.All
                : ValueResolver.TryResolveEnumMember(type.Value, out var member, out _, cancellationToken) ? IndexProjection.FromName(member, null)
                : IndexProjection.Unknown;
            return new SecondaryIndex(tableName, name, SecondaryIndexKind.Global, AttributeName(index, "PartitionKey", cancellationToken),
                AttributeName(index, "SortKey", cancellationToken), projection);
        }

        private static bool TryReadTableProps(IObjectCreationOperation creation, out RequestModel props, out string tableName, CancellationToken cancellationToken)
        {
            props = null!;
            tableName = string.Empty;
            if (creation.Arguments.Length != 3 || RequestModel.Create(creation.Arguments[2].Value, cancellationToken) is not { } model
                || !model.TryGetString("TableName", out tableName, out _, cancellationToken) || tableName.Length == 0)
            {
                return false;
            }

            props = model;
            return true;
        }

        /// <summary>The <c>Name</c> of <c>PartitionKey = new Attribute { Name = "…", Type = … }</c>.</summary>
        private static string? AttributeName(RequestModel model, string property, CancellationToken cancellationToken)
            => model.TryGet(property, out var setting) && RequestModel.Create(setting.Value, cancellationToken) is { } attribute
               && attribute.TryGetString("Name", out var name, out _, cancellationToken) && name.Length > 0 ? name : null;

        private static bool IsCdkTable(ITypeSymbol? type) => type is INamedTypeSymbol { Name: "Table" or "TableV2" } named && IsCdkDynamoDBType(named);

        private static bool IsCdkDynamoDBType(INamedTypeSymbol? type)
            => type != null && type.ContainingAssembly?.Name == CdkTypes.AssemblyName && type.ContainingNamespace?.ToDisplayString() == DynamoDBNamespace;
    }
}
