using System.Collections.Immutable;
using System.Composition;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Encryption
{
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VerifyDatabaseServerIdentityFixer)), Shared]
    public sealed class VerifyDatabaseServerIdentityFixer : ConnectionSettingFixer
    {
        public const string Key = "DLA.VerifyDatabaseServerIdentity";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.VerifyDatabaseServerIdentity);

        protected override string Title => "Verify the server certificate and host name";

        protected override string EquivalenceKey => Key;
    }
}
