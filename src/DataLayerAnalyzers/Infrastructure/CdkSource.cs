using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// The AWS CDK v2 source of the request engine for one compilation: the props interfaces a rule reads (resolved by
    /// metadata name at compilation start) and the <c>Amazon.CDK.Lib</c> assembly whose constructors and methods take them.
    /// </summary>
    internal sealed class CdkSource
    {
        private readonly IAssemblySymbol _assembly;

        public CdkSource(ImmutableHashSet<INamedTypeSymbol> propsTypes)
        {
            PropsTypes = propsTypes;
            _assembly = propsTypes.First().ContainingAssembly;
        }

        public ImmutableHashSet<INamedTypeSymbol> PropsTypes { get; }

        /// <summary>A type declared in Amazon.CDK.Lib (its props classes hold exactly what the code sets).</summary>
        public bool IsCdkType(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _assembly);

        /// <summary>A constructor or method declared in Amazon.CDK.Lib (a user's own wrapper may set props itself: not read there).</summary>
        public bool IsCdkMember(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly);

        /// <summary>
        /// The props model adjusted for what the code does to the construct itself: an L1 construct's own properties set
        /// later (<c>cfn.StorageEncrypted = true</c>) count, and escape hatches (<c>x.Node.DefaultChild</c>,
        /// <c>AddPropertyOverride</c>) or a construct handed elsewhere leave the picture incomplete, so nothing is reported as missing.
        /// </summary>
        public static RequestModel WithConstructAdjustments(RequestModel props, IObjectCreationOperation construct, CancellationToken cancellationToken)
        {
            var own = construct.Type?.Name.StartsWith("Cfn", System.StringComparison.Ordinal) == true
                ? RequestModel.FromCreation(construct, cancellationToken)
                : null;
            var local = RequestModel.StoredInto(construct) as ILocalSymbol;
            var adjusted = local != null && UsesEscapeHatch(construct, local, cancellationToken);
            if (own is null && !adjusted)
            {
                return props;
            }

            return props.Overlay(own, props.IsComplete && (own is null || own.IsComplete) && !adjusted);
        }

        private static bool UsesEscapeHatch(IOperation construct, ILocalSymbol local, CancellationToken cancellationToken)
        {
            var root = construct;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IPropertyReferenceOperation { Property.Name: "Node", Instance: { } instance } when RequestModel.ReferencesSymbol(instance, local):
                        return true;
                    case IInvocationOperation { TargetMethod.Name: "AddPropertyOverride" or "AddOverride" or "AddDeletionOverride", Instance: { } receiver }
                        when RequestModel.ReferencesSymbol(receiver, local):
                        return true;
                }
            }

            return false;
        }
    }
}
