using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Durability
{
    /// <summary>DLA5005: sets or adds <c>EnableIAMDatabaseAuthentication = true</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class EnableIamDatabaseAuthenticationFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA5005.EnableIamAuth";

        public EnableIamDatabaseAuthenticationFixer()
            : base(RuleIdentifiers.EnableIamDatabaseAuthentication, EquivalenceKey)
        {
        }
    }
}
