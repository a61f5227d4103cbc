using System.Collections.Immutable;
using System.Linq;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4004: a provider <c>DbConnection</c> held in a local, opened, and not released on every path of the method's
    /// control-flow graph. Connections that escape (returned, stored, handed to another owner, captured) are not judged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DisposeDatabaseConnectionsAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] ConnectionTypes =
        {
            "Npgsql.NpgsqlConnection",
            "Microsoft.Data.SqlClient.SqlConnection",
            "System.Data.SqlClient.SqlConnection",
            "MySqlConnector.MySqlConnection",
            "MySql.Data.MySqlClient.MySqlConnection",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.DisposeDatabaseConnections);

        /// <summary>A loop rather than a LINQ closure: this runs for every object creation of the compilation.</summary>
        private static bool IsProviderConnection(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> connections)
        {
            foreach (var connection in connections)
            {
                if (type.IsOrDerivesFrom(connection))
                {
                    return true;
                }
            }

            return false;
        }

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var connections = ConnectionTypes.Select(compilation.GetTypeByMetadataName).Where(t => t != null).Select(t => t!).ToImmutableArray();
                var dataSource = compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource");
                if (connections.IsEmpty && dataSource is null)
                {
                    return;
                }

                var ownership = new ConnectionOwnership(compilation);
                if (!connections.IsEmpty)
                {
                    // No provider referenced (DbDataSource alone is part of .NET): no creation can be a provider connection.
                    start.RegisterDispatchedOperationAction(
                        ctx =>
                        {
                            if (ctx.Operation.Type is INamedTypeSymbol type && IsProviderConnection(type, connections))
                            {
                                Analyze(ctx, ownership, opensItself: false);
                            }
                        },
                        OperationKind.ObjectCreation);
                }

                if (dataSource != null)
                {
                    // DbDataSource is part of .NET: in a project with no provider, this is the rule's only action, and a file
                    // with no "Connection" in its text calls none of the three methods, so it is not listed at all.
                    start.RegisterDispatchedOperationAction(
                        ctx =>
                        {
                            // The method name first (a string switch), the type hierarchy only for the three names.
                            var method = ((IInvocationOperation)ctx.Operation).TargetMethod;
                            switch (method.Name)
                            {
                                case "OpenConnection":
                                case "OpenConnectionAsync":
                                    if (method.ContainingType.IsOrDerivesFrom(dataSource))
                                    {
                                        Analyze(ctx, ownership, opensItself: true);
                                    }

                                    break;
                                case "CreateConnection":
                                    if (method.ContainingType.IsOrDerivesFrom(dataSource))
                                    {
                                        Analyze(ctx, ownership, opensItself: false);
                                    }

                                    break;
                            }
                        },
                        "Connection",
                        OperationKind.Invocation);
                }
            });
        }

        private static void Analyze(OperationContext context, ConnectionOwnership ownership, bool opensItself)
        {
            var declarator = ConnectionOwnership.DeclaringLocal(context.Operation);
            if (declarator is null || ConnectionOwnership.IsUsingDeclared(declarator))
            {
                return;
            }

            var opens = ownership.FindOpens(declarator, opensItself, context.CancellationToken);
            if (opens.IsDefaultOrEmpty)
            {
                return; // escapes, or never opened here (Dapper opens and closes it itself)
            }

            var body = context.GetControlFlowGraph();
            var graph = body is null ? null : ConnectionOwnership.GraphFor(body, declarator, context.CancellationToken);
            if (graph is null)
            {
                return;
            }

            foreach (var open in opens)
            {
                if (DisposalFlow.LeaksAfter(graph, declarator.Symbol, open))
                {
                    context.ReportOutsideTestCode(Diagnostic.Create(DiagnosticDescriptors.DisposeDatabaseConnections, context.Operation.Syntax.GetLocation(), declarator.Symbol.Name));
                    return;
                }
            }
        }
    }
}
