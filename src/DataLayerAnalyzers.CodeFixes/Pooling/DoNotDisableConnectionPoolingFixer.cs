using System.Collections.Immutable;
using System.Composition;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Pooling
{
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DoNotDisableConnectionPoolingFixer)), Shared]
    public sealed class DoNotDisableConnectionPoolingFixer : ConnectionSettingFixer
    {
        public const string Key = "DLA.DoNotDisableConnectionPooling";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DoNotDisableConnectionPooling);

        protected override string Title => "Remove the pooling override";

        protected override string EquivalenceKey => Key;
    }
}
