using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ExecutionContext;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>DLA4003: a connection-pool owner (data source, Redis multiplexer) created in code that runs per call.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReuseDataSourcesAndMultiplexersAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.ReuseDataSourcesAndMultiplexers);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var npgsqlDataSource = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSource");
                var npgsqlBuilder = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSourceBuilder");
                var npgsqlSlimBuilder = compilation.GetTypeByMetadataName("Npgsql.NpgsqlSlimDataSourceBuilder");
                var mySqlDataSource = compilation.GetTypeByMetadataName("MySqlConnector.MySqlDataSource");
                var mySqlBuilder = compilation.GetTypeByMetadataName("MySqlConnector.MySqlDataSourceBuilder");
                var multiplexer = compilation.GetTypeByMetadataName("StackExchange.Redis.ConnectionMultiplexer");
                if (npgsqlDataSource is null && mySqlDataSource is null && multiplexer is null)
                {
                    return;
                }

                var engine = ExecutionContextEngine.For(compilation);
                start.RegisterDispatchedOperationAction(
                    ctx =>
                    {
                        var invocation = (IInvocationOperation)ctx.Operation;
                        var method = invocation.TargetMethod;
                        var type = method.ContainingType;
                        string? what = null;
                        switch (method.Name)
                        {
                            case "Create" when method.IsStatic && type.Is(npgsqlDataSource):
                            case "Connect" when method.IsStatic && type.Is(multiplexer):
                            case "ConnectAsync" when method.IsStatic && type.Is(multiplexer):
                            case "Build" when type.Is(npgsqlBuilder) || type.Is(npgsqlSlimBuilder) || type.Is(mySqlBuilder):
                            case "BuildMultiHost" when type.Is(npgsqlBuilder) || type.Is(npgsqlSlimBuilder):
                                what = type.Name + "." + method.Name;
                                break;
                        }

                        if (what != null)
                        {
                            Report(ctx, engine, what);
                        }
                    },
                    OperationKind.Invocation);

                if (mySqlDataSource != null)
                {
                    start.RegisterDispatchedOperationAction(
                        ctx =>
                        {
                            if (ctx.Operation.Type.Is(mySqlDataSource))
                            {
                                Report(ctx, engine, "new MySqlDataSource");
                            }
                        },
                        OperationKind.ObjectCreation);
                }
            });
        }

        private static void Report(OperationContext context, ExecutionContextEngine engine, string what)
        {
            var where = engine.Classify(context.Operation, context.ContainingSymbol, context.CancellationToken);
            if (where.IsPerCall)
            {
                context.ReportOutsideTestCode(Diagnostic.Create(DiagnosticDescriptors.ReuseDataSourcesAndMultiplexers, context.Operation.Syntax.GetLocation(), what, where.Reason));
            }
        }
    }
}
