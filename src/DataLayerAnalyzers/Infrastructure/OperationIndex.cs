using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// The operations of one operation tree (a method body, an initializer), indexed once: references by the symbol they
    /// read, member references and invocations by name, and writes by the symbol at the root of their target. The engines
    /// ask it instead of walking the whole tree for every object they follow, which made a long method cost quadratic
    /// time. Lists keep the tree's pre-order. One index per tree root, shared by every rule and thread.
    /// </summary>
    internal sealed class OperationIndex
    {
        private static readonly ConditionalWeakTable<IOperation, OperationIndex> Indexes = new ConditionalWeakTable<IOperation, OperationIndex>();
        private static readonly IReadOnlyList<IOperation> None = new IOperation[0];

        private readonly Dictionary<ISymbol, List<IOperation>> _references = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<IOperation>> _writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<string, List<IOperation>> _members = new Dictionary<string, List<IOperation>>();

        private OperationIndex(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        Add(_references, local.Local, operation);
                        break;
                    case IParameterReferenceOperation parameter:
                        Add(_references, parameter.Parameter, operation);
                        break;
                    case IFieldReferenceOperation field:
                        Add(_references, field.Field, operation);
                        Add(_members, field.Field.Name, operation);
                        break;
                    case IPropertyReferenceOperation property:
                        Add(_members, property.Property.Name, operation);
                        break;
                    case IInvocationOperation invocation:
                        Add(_members, invocation.TargetMethod.Name, operation);
                        break;
                    case IAssignmentOperation assignment:
                        AddWrite(assignment.Target, operation);
                        break;
                    case IIncrementOrDecrementOperation step:
                        AddWrite(step.Target, operation);
                        break;
                }
            }
        }

        /// <summary>The index of the tree that holds <paramref name="operation"/>.</summary>
        public static OperationIndex Of(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return Indexes.GetValue(root, r => new OperationIndex(r));
        }

        /// <summary>Local, parameter and field references to <paramref name="symbol"/>.</summary>
        public IReadOnlyList<IOperation> ReferencesTo(ISymbol symbol) => _references.TryGetValue(symbol, out var list) ? list : None;

        /// <summary>Field and property references and invocations of a member named <paramref name="name"/>.</summary>
        public IReadOnlyList<IOperation> MembersNamed(string name) => _members.TryGetValue(name, out var list) ? list : None;

        /// <summary>
        /// Assignments (simple, compound, coalescing) and increments whose target is a property chain rooted at a reference
        /// to <paramref name="symbol"/> (<c>x.A = v</c>, <c>x.A.B += v</c>).
        /// </summary>
        public IReadOnlyList<IOperation> WritesThrough(ISymbol symbol) => _writes.TryGetValue(symbol, out var list) ? list : None;

        private void AddWrite(IOperation target, IOperation write)
        {
            var current = ValueResolver.Unwrap(target);
            while (current is IPropertyReferenceOperation { Instance: { } instance })
            {
                current = ValueResolver.Unwrap(instance);
            }

            ISymbol? symbol = current switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };
            if (symbol != null && current != ValueResolver.Unwrap(target))
            {
                Add(_writes, symbol, write);
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<IOperation>> map, TKey key, IOperation operation)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<IOperation>();
                map.Add(key, list);
            }

            list.Add(operation);
        }
    }
}
