using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    /// <summary>
    /// A deliberately small predicate for DLA1002: is a Scan written in code that runs once or in the background
    /// rather than per request? True for <c>Main</c> and top-level statements, a <c>Startup</c> class's
    /// <c>Configure</c>/<c>ConfigureServices</c>, <c>BackgroundService.ExecuteAsync</c> overrides and the
    /// <c>StartAsync</c>/<c>StopAsync</c> of an <c>IHostedService</c> (including lambdas and local functions inside them,
    /// whose operations belong to the same member). Helpers called from those places are not followed: such a scan still
    /// counts as request-path code. This is not the package's general execution-context engine.
    /// </summary>
    internal static class ScanContext
    {
        public static bool IsStartupOrBackground(IOperation operation, ISymbol? containingSymbol, DynamoDBSymbols symbols)
        {
            if (containingSymbol is not IMethodSymbol method || IsInLambdaHandlerLambda(operation))
            {
                return false;
            }

            if (method.Name == "<Main>$" || (method.Name == "Main" && method.IsStatic))
            {
                return true;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (type.Name == "Startup" && (method.Name == "Configure" || method.Name == "ConfigureServices"))
            {
                return true;
            }

            if (method.Name == "ExecuteAsync" && method.IsOverride && type.IsOrDerivesFrom(symbols.BackgroundService))
            {
                return true;
            }

            return (method.Name == "StartAsync" || method.Name == "StopAsync") && type.IsOrInheritsFrom(symbols.IHostedService);
        }

        /// <summary>
        /// A Lambda handler written as a lambda in top-level statements (<c>var handler = async (Request r, ILambdaContext c) =&gt; …</c>)
        /// runs on every invocation, although its operations belong to <c>Main</c>.
        /// </summary>
        private static bool IsInLambdaHandlerLambda(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is Microsoft.CodeAnalysis.Operations.IAnonymousFunctionOperation lambda && HasLambdaContextParameter(lambda.Symbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasLambdaContextParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type is INamedTypeSymbol { Name: "ILambdaContext" } type && type.ContainingNamespace?.ToDisplayString() == "Amazon.Lambda.Core")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
