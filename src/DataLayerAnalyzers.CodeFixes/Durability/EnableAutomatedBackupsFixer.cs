using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Durability
{
    /// <summary>DLA5001: sets <c>BackupRetentionPeriod</c> to 7 days (or the configured minimum when higher).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class EnableAutomatedBackupsFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA5001.SetBackupRetention";

        public EnableAutomatedBackupsFixer()
            : base(RuleIdentifiers.EnableAutomatedBackups, EquivalenceKey)
        {
        }
    }
}
