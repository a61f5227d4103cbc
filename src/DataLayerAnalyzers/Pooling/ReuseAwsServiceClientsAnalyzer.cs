using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ExecutionContext;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>DLA4002: an AWS service client or a DynamoDBContext created in code that runs per call.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReuseAwsServiceClientsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.ReuseAwsServiceClients);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var serviceClient = start.Compilation.GetTypeByMetadataName("Amazon.Runtime.AmazonServiceClient");
                if (serviceClient is null)
                {
                    return;
                }

                var dynamoDbContext = start.Compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.DynamoDBContext");
                var dynamoDbContextBuilder = start.Compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.DynamoDBContextBuilder");
                var dynamoDbContextBuilderInterface = start.Compilation.GetTypeByMetadataName("Amazon.DynamoDBv2.DataModel.IDynamoDBContextBuilder");
                var engine = ExecutionContextEngine.For(start.Compilation);

                start.RegisterDispatchedOperationAction(
                    ctx =>
                    {
                        var creation = (IObjectCreationOperation)ctx.Operation;
                        if (creation.Type is INamedTypeSymbol type && !type.IsAbstract
                            && (type.IsOrDerivesFrom(serviceClient) || type.Is(dynamoDbContext)))
                        {
                            Report(ctx, engine, type.Name);
                        }
                    },
                    OperationKind.ObjectCreation);

                if (dynamoDbContextBuilder != null)
                {
                    start.RegisterDispatchedOperationAction(
                        ctx =>
                        {
                            var invocation = (IInvocationOperation)ctx.Operation;
                            if (invocation.TargetMethod.Name == "Build" && (invocation.TargetMethod.ContainingType.Is(dynamoDbContextBuilder) || invocation.TargetMethod.ContainingType.Is(dynamoDbContextBuilderInterface)))
                            {
                                Report(ctx, engine, "DynamoDBContext");
                            }
                        },
                        OperationKind.Invocation);
                }
            });
        }

        private static void Report(OperationContext context, ExecutionContextEngine engine, string what)
        {
            var where = engine.Classify(context.Operation, context.ContainingSymbol, context.CancellationToken);
            if (where.IsPerCall)
            {
                context.ReportOutsideTestCode(Diagnostic.Create(DiagnosticDescriptors.ReuseAwsServiceClients, context.Operation.Syntax.GetLocation(), what, where.Reason));
            }
        }
    }
}
