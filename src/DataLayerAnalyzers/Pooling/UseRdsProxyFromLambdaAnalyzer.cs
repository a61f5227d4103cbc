using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using DataLayerAnalyzers.Infrastructure.ExecutionContext;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>
    /// DLA4005: a Lambda function (handler, function class, or a class it constructs) that opens database connections to a
    /// literal RDS instance or cluster endpoint instead of an RDS Proxy endpoint. Connection strings and typed builder hosts
    /// are read by the connection-string engine; "is this a Lambda function" by <see cref="LambdaFunctionScope"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseRdsProxyFromLambdaAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UseRdsProxyFromLambda);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = ConnectionStringSymbols.Create(start.Compilation);
                var scope = LambdaFunctionScope.For(start.Compilation);
                if (symbols is null || !scope.IsAvailable)
                {
                    return;
                }

                var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
                start.RegisterDispatchedOperationAction(c => Analyze(c, symbols, scope, reported), OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment);
            });
        }

        private static void Analyze(OperationContext context, ConnectionStringSymbols symbols, LambdaFunctionScope scope, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
        {
            var operation = context.Operation;
            var cancellationToken = context.CancellationToken;
            SyntaxNode? at = null;
            string? endpoint = null;
            if (symbols.TryGetConnectionStringSink(operation, out var value, out var provider))
            {
                if (provider == DbProvider.Redis || !ValueResolver.TryResolveString(value, out var resolved, cancellationToken))
                {
                    return;
                }

                var host = ConnectionStringInfo.Parse(provider, resolved.Value).Get(ConnectionSetting.Host);
                if (host is null || !host.IsValueKnown || (endpoint = RdsEndpoints.FindDirectEndpoint(host.Value)) is null)
                {
                    return;
                }

                at = resolved.LocateSpan(host.ValueStart, Math.Max(1, host.ValueLength));
            }
            else if (symbols.TryGetTypedSetting(operation, out var setting) && setting.Setting == ConnectionSetting.Host && setting.Provider != DbProvider.Redis)
            {
                if (!ValueResolver.TryResolveString(setting.Value, out var host, cancellationToken) || !host.IsFullyKnown
                    || (endpoint = RdsEndpoints.FindDirectEndpoint(host.Value)) is null)
                {
                    return;
                }

                at = setting.Assignment.Syntax;
            }

            if (at is null || endpoint is null || !scope.Contains(context.ContainingSymbol, cancellationToken) || !reported.TryAdd((at.SyntaxTree, at.Span), 0))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UseRdsProxyFromLambda, at.GetLocation(), endpoint));
        }
    }
}
