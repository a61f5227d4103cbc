using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Durability
{
    /// <summary>DLA5002: sets <c>PubliclyAccessible = false</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class DoNotMakeDatabasesPublicFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA5002.SetPubliclyAccessibleFalse";

        public DoNotMakeDatabasesPublicFixer()
            : base(RuleIdentifiers.DoNotMakeDatabasesPublic, EquivalenceKey)
        {
        }
    }
}
