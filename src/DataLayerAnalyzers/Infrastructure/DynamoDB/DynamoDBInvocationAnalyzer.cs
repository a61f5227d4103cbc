using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    /// <summary>
    /// The registration every DynamoDB rule shares: resolve the DynamoDB symbols once per compilation, register nothing
    /// when the SDK is not referenced, and hand each invocation to the rule.
    /// </summary>
    public abstract class DynamoDBInvocationAnalyzer : DiagnosticAnalyzer
    {
        private ImmutableArray<DiagnosticDescriptor> _supported;

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        {
            get
            {
                if (_supported.IsDefault)
                {
                    _supported = ImmutableArray.Create(Rule);
                }

                return _supported;
            }
        }

        internal abstract DiagnosticDescriptor Rule { get; }

        public sealed override void Initialize(AnalysisContext context)
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

                start.RegisterDispatchedOperationAction(c => AnalyzeInvocation(c, (IInvocationOperation)c.Operation, symbols), OperationKind.Invocation);
            });
        }

        internal abstract void AnalyzeInvocation(OperationContext context, IInvocationOperation invocation, DynamoDBSymbols symbols);
    }
}
