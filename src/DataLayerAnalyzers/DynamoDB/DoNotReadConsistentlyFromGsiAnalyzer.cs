using System.Collections.Immutable;
using System.Threading;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>
    /// DLA1005: a Query or Scan that names a global secondary index and asks for a strongly consistent read. DynamoDB
    /// rejects it with a ValidationException: global secondary indexes are replicated asynchronously and serve only
    /// eventually consistent reads. Read from the request objects of the three programming models.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotReadConsistentlyFromGsiAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DoNotReadConsistentlyFromGsi);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = DynamoDBSymbols.Create(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                start.RegisterDispatchedOperationAction(c => Analyze(c, (IObjectCreationOperation)c.Operation, symbols), OperationKind.ObjectCreation);
            });
        }

        private static void Analyze(OperationContext context, IObjectCreationOperation creation, DynamoDBSymbols symbols)
        {
            var operation = OperationName(creation.Type, symbols);
            if (operation is null)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var model = RequestModel.FromCreation(creation, cancellationToken);
            if (!model.TryGetBool("ConsistentRead", out var consistent, out var setting, cancellationToken) || !consistent
                || !model.TryGetString("IndexName", out var indexName, out _, cancellationToken) || indexName.Length == 0)
            {
                return;
            }

            if (FindKind(creation, model, indexName, symbols, cancellationToken) != SecondaryIndexKind.Global)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DoNotReadConsistentlyFromGsi, setting.Syntax.GetLocation(), indexName, operation));
        }

        private static string? OperationName(ITypeSymbol? type, DynamoDBSymbols symbols)
        {
            if (type.Is(symbols.QueryRequest) || type.Is(symbols.QueryOperationConfig) || type.Is(symbols.QueryDocumentOperationRequest) || type.Is(symbols.QueryConfig))
            {
                return "Query";
            }

            if (type.Is(symbols.ScanRequest) || type.Is(symbols.ScanOperationConfig) || type.Is(symbols.ScanDocumentOperationRequest) || type.Is(symbols.ScanConfig))
            {
                return "Scan";
            }

            return type.Is(symbols.DynamoDBOperationConfig) ? "read" : null;
        }

        /// <summary>
        /// What the named index is: looked up in the table the request names (TableName, OverrideTableName), the mapped class
        /// or document-model table of the call the object is passed to, else by name across the compilation's declarations.
        /// </summary>
        private static SecondaryIndexKind? FindKind(IObjectCreationOperation creation, RequestModel model, string indexName, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            string? table = null;
            if (model.TryGetString("TableName", out var named, out _, cancellationToken) || model.TryGetString("OverrideTableName", out named, out _, cancellationToken))
            {
                table = named;
            }
            else if (ConsumingCall(creation) is { } call)
            {
                if (call.TargetMethod.TypeArguments.Length == 1 && call.TargetMethod.TypeArguments[0] is INamedTypeSymbol mapped && symbols.IsContextMethod(call.TargetMethod))
                {
                    table = KeySchemaIndex.MappedTableName(mapped, symbols);
                    foreach (var index in SecondaryIndexDeclarations.FromMappedType(mapped, table, symbols))
                    {
                        if (index.IndexName == indexName)
                        {
                            return index.Kind;
                        }
                    }
                }
                else if (symbols.IsTableMethod(call.TargetMethod))
                {
                    table = DocumentTableName(call.Instance, symbols, cancellationToken);
                }
            }

            return symbols.GetKeySchemas(cancellationToken).SecondaryIndexes.FindKind(table, indexName);
        }

        /// <summary>The call an object creation is passed to directly, as an argument.</summary>
        private static IInvocationOperation? ConsumingCall(IOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation call } ? call : null;
        }

        /// <summary>The table name of a document-model table: <c>Table.LoadTable(client, name)</c> or <c>new TableBuilder(client, name)…Build()</c>.</summary>
        private static string? DocumentTableName(IOperation? receiver, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var source = OperationTracing.Source(receiver, cancellationToken);
            for (var depth = 0; source is IInvocationOperation call && depth < 32; depth++)
            {
                foreach (var argument in call.Arguments)
                {
                    if (call.TargetMethod.Name == "LoadTable" && argument.Parameter?.Name == "tableName"
                        && ValueResolver.TryResolveString(argument.Value, out var loaded, cancellationToken) && loaded.IsFullyKnown)
                    {
                        return loaded.Value;
                    }
                }

                source = ValueResolver.Unwrap(call.Instance);
            }

            if (source is IObjectCreationOperation builder && builder.Type.Is(symbols.TableBuilder))
            {
                foreach (var argument in builder.Arguments)
                {
                    if (argument.Parameter?.Name == "tableName" && ValueResolver.TryResolveString(argument.Value, out var built, cancellationToken) && built.IsFullyKnown)
                    {
                        return built.Value;
                    }
                }
            }

            return null;
        }
    }
}
