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
                case IArgumentOperation argument when awaited && ReadsInHelper(argument, members, 0, cancellationToken):
                    return new ResponseUsage(ResponseUsageKind.Direct, null, members, current);
                case IReturnOperation ret when !awaited && IsDroppedThroughWhenAll(ret, cancellationToken):
                    return new ResponseUsage(ResponseUsageKind.Discarded, null, members, current);
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
                if (parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    continue; // reassigned (a retry loop re-sending the unprocessed part)
                }
                else if (!ReadsMembers(reference, members, 0, cancellationToken))
                {
                    return new ResponseUsage(ResponseUsageKind.Escapes, local, members, call);
                }
            }

            return new ResponseUsage(ResponseUsageKind.Local, local, members, call);
        }

        /// <summary>
        /// <c>await Task.WhenAll(items.Select(x =&gt; client.BatchWriteItemAsync(x)))</c> as a statement (directly, through
        /// <c>ToList()</c>/<c>ToArray()</c>, or through a local every use of which is such an await): every response is dropped.
        /// </summary>
        private static bool IsDroppedThroughWhenAll(IReturnOperation ret, CancellationToken cancellationToken)
        {
            if (ret.Parent is not IBlockOperation { Operations.Length: 1, Parent: IAnonymousFunctionOperation lambda })
            {
                return false;
            }

            IOperation? current = lambda;
            while (current?.Parent is IDelegateCreationOperation or IConversionOperation { IsImplicit: true })
            {
                current = current.Parent;
            }

            if (current?.Parent is not IArgumentOperation { Parent: IInvocationOperation select } || !IsLinq(select, "Select"))
            {
                return false;
            }

            current = select;
            var parent = SkipWrappers(current.Parent);
            if (parent is IArgumentOperation { Parent: IInvocationOperation materialize } && (IsLinq(materialize, "ToList") || IsLinq(materialize, "ToArray")))
            {
                current = materialize;
                parent = SkipWrappers(current.Parent);
            }

            switch (parent)
            {
                case IArgumentOperation argument:
                    return IsDroppedWhenAll(argument);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    {
                        var root = (IOperation)declarator;
                        while (root.Parent != null)
                        {
                            root = root.Parent;
                        }

                        var uses = 0;
                        foreach (var operation in root.Descendants())
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol))
                            {
                                if (!(SkipWrappers(reference.Parent) is IArgumentOperation use && IsDroppedWhenAll(use)))
                                {
                                    return false;
                                }

                                uses++;
                            }
                        }

                        return uses > 0;
                    }

                default:
                    return false;
            }
        }

        private static bool IsDroppedWhenAll(IArgumentOperation argument)
        {
            if (argument.Parent is not IInvocationOperation { TargetMethod: { Name: "WhenAll", ContainingType: { Name: "Task" } type } } whenAll
                || type.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks")
            {
                return false;
            }

            return SkipWrappers(whenAll.Parent) is IAwaitOperation awaited
                && SkipWrappers(awaited.Parent) is IExpressionStatementOperation or ISimpleAssignmentOperation { Target: IDiscardOperation };
        }

        private static bool IsLinq(IInvocationOperation invocation, string name)
        {
            var method = invocation.TargetMethod;
            return method.Name == name && method.ContainingType is { Name: "Enumerable" } type && type.ContainingNamespace?.ToDisplayString() == "System.Linq";
        }

        private const int MaxHelperDepth = 3;

        /// <summary>
        /// One use of the response: a member read (<c>r.Items</c>, <c>r?.Items</c>), or the response handed whole to a helper
        /// of the compilation (<c>Map(r)</c>, <c>r.ToDomain()</c>, <c>r?.ToDomain()</c>) that only reads members. False otherwise.
        /// </summary>
        private static bool ReadsMembers(IOperation reference, HashSet<string> members, int depth, CancellationToken cancellationToken)
        {
            var use = reference;
            var parent = SkipWrappers(use.Parent);
            if (parent is IConditionalAccessOperation conditional && SkipWrappers(conditional.Operation) == SkipWrappers(reference))
            {
                use = FindConditionalInstance(conditional.WhenNotNull);
                if (use is null)
                {
                    return false;
                }

                parent = SkipWrappers(use.Parent);
            }

            switch (parent)
            {
                case IPropertyReferenceOperation property when property.Instance == use || SkipWrappers(property.Instance) == use:
                    members.Add(property.Property.Name);
                    return true;
                case IArgumentOperation argument:
                    return ReadsInHelper(argument, members, depth, cancellationToken);
                default:
                    return false;
            }
        }

        /// <summary>The <c>?.</c> receiver placeholder of a conditional access (not of a nested one).</summary>
        private static IOperation? FindConditionalInstance(IOperation whenNotNull)
        {
            var pending = new Stack<IOperation>();
            pending.Push(whenNotNull);
            var visited = 0;
            while (pending.Count > 0 && visited++ < 256)
            {
                var current = pending.Pop();
                if (current is IConditionalAccessInstanceOperation)
                {
                    return current;
                }

                if (current is IConditionalAccessOperation nested)
                {
                    pending.Push(nested.Operation);
                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return null;
        }

        /// <summary>
        /// The response is handed whole to a method of this compilation (a mapper, a helper): follow it into that method
        /// and collect the members read off the parameter there. False (the response escapes) when the method is not in
        /// source, can be overridden, or does anything else with the parameter than read members or hand it to another
        /// such helper.
        /// </summary>
        private static bool ReadsInHelper(IArgumentOperation argument, HashSet<string> members, int depth, CancellationToken cancellationToken)
        {
            if (depth >= MaxHelperDepth || argument.Parameter is not { RefKind: RefKind.None } parameter
                || argument.Parent is not IInvocationOperation { TargetMethod: var method }
                || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern || argument.SemanticModel is null)
            {
                return false;
            }

            var definition = method.ReducedFrom ?? method;
            var body = BodyOf(definition.OriginalDefinition, argument.SemanticModel.Compilation, cancellationToken);
            if (body is null)
            {
                return false;
            }

            var target = definition.OriginalDefinition.Parameters[parameter.Ordinal];
            foreach (var operation in body.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, target))
                {
                    continue;
                }

                if (!ReadsMembers(reference, members, depth + 1, cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }

        private static IOperation? BodyOf(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // A helper in another method (often another file) is bound once per response handed to it.
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            return model.GetOperation(syntax, cancellationToken);
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
