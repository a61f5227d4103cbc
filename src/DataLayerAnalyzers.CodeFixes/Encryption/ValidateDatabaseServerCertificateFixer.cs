using System.Collections.Immutable;
using System.Composition;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Encryption
{
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ValidateDatabaseServerCertificateFixer)), Shared]
    public sealed class ValidateDatabaseServerCertificateFixer : ConnectionSettingFixer
    {
        public const string Key = "DLA.ValidateDatabaseServerCertificate";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ValidateDatabaseServerCertificate);

        protected override string Title => "Remove the certificate trust override";

        protected override string EquivalenceKey => Key;
    }
}
