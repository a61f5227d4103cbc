using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Encryption
{
    /// <summary>DLA3004: sets or adds <c>StorageEncrypted = true</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class EncryptRdsStorageFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA3004.SetStorageEncrypted";

        public EncryptRdsStorageFixer()
            : base(RuleIdentifiers.EncryptRdsStorage, EquivalenceKey)
        {
        }
    }
}
