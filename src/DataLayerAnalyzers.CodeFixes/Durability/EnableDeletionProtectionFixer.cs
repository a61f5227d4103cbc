using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Durability
{
    /// <summary>DLA5003: sets <c>DeletionProtection</c> / <c>DeletionProtectionEnabled</c> to true.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class EnableDeletionProtectionFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA5003.EnableDeletionProtection";

        public EnableDeletionProtectionFixer()
            : base(RuleIdentifiers.EnableDeletionProtection, EquivalenceKey)
        {
        }
    }
}
