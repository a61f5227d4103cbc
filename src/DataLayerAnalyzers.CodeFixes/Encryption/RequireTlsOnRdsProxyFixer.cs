using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Encryption
{
    /// <summary>DLA3005: sets or adds <c>RequireTLS = true</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class RequireTlsOnRdsProxyFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA3005.RequireTls";

        public RequireTlsOnRdsProxyFixer()
            : base(RuleIdentifiers.RequireTlsOnRdsProxy, EquivalenceKey)
        {
        }
    }
}
