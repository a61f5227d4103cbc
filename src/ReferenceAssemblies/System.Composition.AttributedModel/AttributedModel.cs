// The public surface of System.Composition.AttributedModel (netstandard2.0), written from its metadata for compiling
// against. Reference only: every body throws; the host's real assembly is the one loaded at run time.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Reflection;

[assembly: System.Runtime.CompilerServices.ReferenceAssembly]
[assembly: CLSCompliant(true)]

namespace System.Composition
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
    public class ExportAttribute : Attribute
    {
        public ExportAttribute() => throw null;

        public ExportAttribute(Type contractType) => throw null;

        public ExportAttribute(string contractName) => throw null;

        public ExportAttribute(string contractName, Type contractType) => throw null;

        public string ContractName => throw null;

        public Type ContractType => throw null;
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class ExportMetadataAttribute : Attribute
    {
        public ExportMetadataAttribute(string name, object value) => throw null;

        public string Name => throw null;

        public object Value => throw null;
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public class ImportAttribute : Attribute
    {
        public ImportAttribute() => throw null;

        public ImportAttribute(string contractName) => throw null;

        public string ContractName => throw null;

        public bool AllowDefault { get => throw null; set => throw null; }
    }

    [AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
    public sealed class ImportingConstructorAttribute : Attribute
    {
        public ImportingConstructorAttribute() => throw null;
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public class ImportManyAttribute : Attribute
    {
        public ImportManyAttribute() => throw null;

        public ImportManyAttribute(string contractName) => throw null;

        public string ContractName => throw null;
    }

    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ImportMetadataConstraintAttribute : Attribute
    {
        public ImportMetadataConstraintAttribute(string name, object value) => throw null;

        public string Name => throw null;

        public object Value => throw null;
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
    public sealed class MetadataAttributeAttribute : Attribute
    {
        public MetadataAttributeAttribute() => throw null;
    }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class OnImportsSatisfiedAttribute : Attribute
    {
        public OnImportsSatisfiedAttribute() => throw null;
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public class PartMetadataAttribute : Attribute
    {
        public PartMetadataAttribute(string name, object value) => throw null;

        public string Name => throw null;

        public object Value => throw null;
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class PartNotDiscoverableAttribute : Attribute
    {
        public PartNotDiscoverableAttribute() => throw null;
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public class SharedAttribute : PartMetadataAttribute
    {
        public SharedAttribute()
            : base(null, null) => throw null;

        public SharedAttribute(string sharingBoundaryName)
            : base(null, null) => throw null;

        public string SharingBoundary => throw null;
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
    [MetadataAttribute]
    [CLSCompliant(false)]
    public sealed class SharingBoundaryAttribute : Attribute
    {
        public SharingBoundaryAttribute(params string[] sharingBoundaryNames) => throw null;

        public ReadOnlyCollection<string> SharingBoundaryNames => throw null;
    }
}

namespace System.Composition.Convention
{
    public abstract class AttributedModelProvider
    {
        protected AttributedModelProvider() => throw null;

        public abstract IEnumerable<Attribute> GetCustomAttributes(Type reflectedType, MemberInfo member);

        public abstract IEnumerable<Attribute> GetCustomAttributes(Type reflectedType, ParameterInfo parameter);
    }
}
