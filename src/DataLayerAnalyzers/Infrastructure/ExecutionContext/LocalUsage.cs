using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ExecutionContext
{
    /// <summary>What a method does with the local a created object is stored in: cache it, return it, dispose it.</summary>
    internal readonly struct LocalUsage
    {
        private LocalUsage(IOperation? storedInto, IReturnOperation? returnedBy, bool disposed, bool escapes, bool captured)
        {
            StoredInto = storedInto;
            ReturnedBy = returnedBy;
            Disposed = disposed;
            Escapes = escapes;
            Captured = captured;
        }

        /// <summary>The field, property or collection element the local is later assigned to (or the cache call it is added with).</summary>
        public IOperation? StoredInto { get; }

        public IReturnOperation? ReturnedBy { get; }

        /// <summary>Declared by <c>using</c>/<c>await using</c>, or <c>Dispose</c>/<c>DisposeAsync</c> is called on it.</summary>
        public bool Disposed { get; }

        /// <summary>Copied into another local or passed by reference: the picture is not complete.</summary>
        public bool Escapes { get; }

        /// <summary>
        /// Returned by a lambda or local function (<c>() =&gt; client</c>): the delegate hands it out. When the method also
        /// disposes the local, the delegate only lends it for the call.
        /// </summary>
        public bool Captured { get; }

        public static LocalUsage Analyze(IVariableDeclaratorOperation declarator, CancellationToken cancellationToken)
        {
            var local = declarator.Symbol;
            var disposed = IsUsingDeclared(declarator);
            IOperation? storedInto = null;
            IReturnOperation? returnedBy = null;
            var escapes = false;
            var captured = false;

            foreach (var operation in OperationIndex.Of(declarator).ReferencesTo(local))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!(operation is ILocalReferenceOperation reference))
                {
                    continue;
                }

                IOperation use = reference;
                while (use.Parent is IConversionOperation || use.Parent is IParenthesizedOperation)
                {
                    use = use.Parent;
                }

                switch (use.Parent)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Value == use:
                        if (assignment.Target is ILocalReferenceOperation)
                        {
                            escapes = true;
                        }
                        else
                        {
                            storedInto ??= assignment.Target;
                        }

                        break;
                    case ICoalesceAssignmentOperation coalesce when coalesce.Value == use:
                        storedInto ??= coalesce.Target;
                        break;
                    case IReturnOperation ret when IsInNestedFunction(ret, declarator):
                        captured = true;
                        break;
                    case IReturnOperation ret:
                        returnedBy ??= ret;
                        break;
                    case IInvocationOperation invocation when invocation.Instance == use
                        && (invocation.TargetMethod.Name == "Dispose" || invocation.TargetMethod.Name == "DisposeAsync"):
                        disposed = true;
                        break;
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None:
                        escapes = true;
                        break;
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation { TargetMethod: { Name: "Add" or "TryAdd" or "GetOrAdd" or "Set" } } cache
                        && (cache.Instance != null || cache.TargetMethod.IsExtensionMethod):
                        storedInto ??= cache;
                        break;
                }
            }

            return new LocalUsage(storedInto, returnedBy, disposed, escapes, captured);
        }

        /// <summary>True when <paramref name="operation"/> lies in a lambda or local function that does not declare the local.</summary>
        private static bool IsInNestedFunction(IOperation operation, IVariableDeclaratorOperation declarator)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return !current.Syntax.Span.Contains(declarator.Syntax.Span);
                }
            }

            return false;
        }

        private static bool IsUsingDeclared(IVariableDeclaratorOperation declarator)
        {
            var current = declarator.Parent;
            for (var i = 0; i < 3 && current != null; i++, current = current.Parent)
            {
                if (current is IUsingDeclarationOperation || current is IUsingOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
