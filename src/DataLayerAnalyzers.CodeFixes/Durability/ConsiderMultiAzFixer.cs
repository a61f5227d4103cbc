using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Durability
{
    /// <summary>DLA5004: sets <c>MultiAZ = true</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class ConsiderMultiAzFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA5004.SetMultiAz";

        public ConsiderMultiAzFixer()
            : base(RuleIdentifiers.ConsiderMultiAz, EquivalenceKey)
        {
        }
    }
}
