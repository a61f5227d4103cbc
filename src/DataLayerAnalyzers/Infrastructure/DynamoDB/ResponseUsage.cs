using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.DynamoDB
{
    internal enum ResponseUsageKind
    {
        /// <summary>The response (or the task) is thrown away: <c>await client.X(...);</c>, <c>_ = await …</c>.</summary>
        Discarded,

        /// <summary>Stored in a local whose every use is a member read or a reassignment.</summary>
        Local,

        /// <summary>A member is read straight off the awaited call: <c>(await client.X(...)).Items</c>.</summary>
        Direct,

        /// <summary>Returned, passed on, stored elsewhere or inspected in a way not modelled: the caller may handle it.</summary>
        Escapes,
    }

    /// <summary>
    /// How the code uses the response of an SDK call in the method that makes it: which members of it are read, whether it
    /// is thrown away, or whether it escapes where the analysis cannot follow (then rules stay silent).
    /// </summary>
    internal sealed class ResponseUsage
    {
        private ResponseUsage(ResponseUsageKind kind, ILocalSymbol? local, HashSet<string> members, IOperation call)
        {
            Kind = kind;
            Local = local;
            MembersRead = members;
            Call = call;
        }

        public ResponseUsageKind Kind { get; }

        /// <summary>The local the response is stored in (for <see cref="ResponseUsageKind.Local"/>).</summary>
        public ILocalSymbol? Local { get; }

        public HashSet<string> MembersRead { get; }

        /// <summary>The awaited call (the <c>await</c> when there is one).</summary>
        public IOperation Call { get; }

        public static ResponseUsage Analyze(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var members = new HashSet<string>(System.StringComparer.Ordinal);
            IOperation current = invocation;
            var parent = SkipWrappers(invocation.Parent);
            var awaited = false;
            if (parent is IAwaitOperation await)
            {
                current = await;
                awaited = true;
                parent = SkipWrappers(await.Parent);
                if (await.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
                {
                    return new ResponseUsage(ResponseUsageKind.Escapes, null, members, current);
                }
            }
            else if (invocation.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && SkipWrappers(configure.Parent) is IAwaitOperation configured)
            {
                current = configured;
                awaited = true;
                parent = SkipWrappers(configured.Parent);
            }

            switch (parent)
            {
                case IExpressionStatementOperation:
                    return new ResponseUsage(ResponseUsageKind.Discarded, null, members, current);
                case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                    return new ResponseUsage(ResponseUsageKind.Discarded, null, members, current);
                case IPropertyReferenceOperation property when awaited:
                    members.Add(property.Property.Name);
                    return new ResponseUsage(ResponseUsageKind.Direct, null, members, current);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when awaited:
                    return FromLocal(declarator.Symbol, current, members, cancellationToken);
                default:
                    return new ResponseUsage(ResponseUsageKind.Escapes, null, members, current);
            }
        }

        private static ResponseUsage FromLocal(ILocalSymbol local, IOperation call, HashSet<string> members, CancellationToken cancellationToken)
        {
            foreach (var operation in OperationIndex.Of(call).ReferencesTo(local))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is not ILocalReferenceOperation reference)
                {
                    continue;
                }

                var parent = SkipWrappers(reference.Parent);
                if (parent is IPropertyReferenceOperation property && property.Instance == reference)
                {
                    members.Add(property.Property.Name);
                }
                else if (parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    continue; // reassigned (a retry loop re-sending the unprocessed part)
                }
                else
                {
                    return new ResponseUsage(ResponseUsageKind.Escapes, local, members, call);
                }
            }

            return new ResponseUsage(ResponseUsageKind.Local, local, members, call);
        }

        private static IOperation? SkipWrappers(IOperation? operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
