using System.Collections.Immutable;
using System.Composition;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Encryption
{
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireTlsForDatabaseConnectionsFixer)), Shared]
    public sealed class RequireTlsForDatabaseConnectionsFixer : ConnectionSettingFixer
    {
        public const string Key = "DLA.RequireTlsForDatabaseConnections";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RequireTlsForDatabaseConnections);

        protected override string Title => "Use a verifying TLS mode";

        protected override string EquivalenceKey => Key;
    }
}
