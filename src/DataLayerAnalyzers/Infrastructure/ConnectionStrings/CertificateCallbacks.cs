using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// Certificate-validation callbacks that accept every certificate: a lambda, anonymous method or method whose every
    /// return is the constant <c>true</c> and that never throws. Callbacks that look at the policy errors or pin a
    /// certificate return something else on some path and are fine.
    /// </summary>
    internal static class CertificateCallbacks
    {
        /// <summary>The callback's syntax when the delegate value always returns true; otherwise null.</summary>
        public static SyntaxNode? FindAlwaysTrueCallback(IOperation? value, CancellationToken cancellationToken)
        {
            var operation = ValueResolver.Unwrap(value);
            if (operation is IDelegateCreationOperation creation)
            {
                operation = creation.Target;
            }

            switch (operation)
            {
                case IAnonymousFunctionOperation function:
                    return AlwaysReturnsTrue(function.Body) ? function.Syntax : null;

                case IMethodReferenceOperation reference:
                    {
                        var model = reference.SemanticModel;
                        foreach (var syntaxReference in reference.Method.DeclaringSyntaxReferences)
                        {
                            var syntax = syntaxReference.GetSyntax(cancellationToken);
                            if (model != null && syntax.SyntaxTree == model.SyntaxTree
                                && model.GetOperation(syntax, cancellationToken) is IMethodBodyOperation body)
                            {
                                var block = body.BlockBody ?? body.ExpressionBody;
                                return block != null && AlwaysReturnsTrue(block) ? reference.Syntax : null;
                            }
                        }

                        return null;
                    }

                default:
                    return null;
            }
        }

        private static bool AlwaysReturnsTrue(IBlockOperation body)
        {
            var returns = 0;
            foreach (var operation in body.Descendants())
            {
                if (operation is IAnonymousFunctionOperation || operation is ILocalFunctionOperation)
                {
                    continue;
                }

                if (operation is IThrowOperation)
                {
                    return false;
                }

                if (operation is IReturnOperation ret && IsDirectlyIn(ret, body))
                {
                    if (!(ret.ReturnedValue?.ConstantValue is { HasValue: true, Value: true }))
                    {
                        return false;
                    }

                    returns++;
                }
            }

            return returns > 0;
        }

        /// <summary>False for returns inside nested lambdas or local functions.</summary>
        private static bool IsDirectlyIn(IOperation operation, IBlockOperation body)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent == body)
                {
                    return true;
                }

                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }

        public static bool IsInsideArgumentOf(IOperation operation, string methodName)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IInvocationOperation invocation && invocation.TargetMethod.Name == methodName
                    && invocation.Arguments.Any(a => a.Syntax.Span.Contains(operation.Syntax.Span)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
