using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Durability
{
    /// <summary>DLA5006: sets <c>PointInTimeRecoveryEnabled = true</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class EnablePointInTimeRecoveryFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA5006.EnablePitr";

        public EnablePointInTimeRecoveryFixer()
            : base(RuleIdentifiers.EnablePointInTimeRecovery, EquivalenceKey)
        {
        }
    }
}
