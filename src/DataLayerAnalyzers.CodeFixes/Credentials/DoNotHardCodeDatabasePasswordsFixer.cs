using System.Collections.Immutable;
using System.Composition;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.Credentials
{
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DoNotHardCodeDatabasePasswordsFixer)), Shared]
    public sealed class DoNotHardCodeDatabasePasswordsFixer : ConnectionSettingFixer
    {
        public const string Key = "DLA.DoNotHardCodeDatabasePasswords";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DoNotHardCodeDatabasePasswords);

        protected override string Title => "Read the password from the environment";

        protected override string EquivalenceKey => Key;
    }
}
