using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Encryption
{
    /// <summary>DLA3007: adds (or completes) an <c>SSESpecification { Enabled = true, SSEType = SSEType.KMS }</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class UseCustomerManagedKeyForDynamoDbFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA3007.UseKmsKey";

        public UseCustomerManagedKeyForDynamoDbFixer()
            : base(RuleIdentifiers.UseCustomerManagedKeyForDynamoDb, EquivalenceKey)
        {
        }

        private protected override string GetTitle(string property, string value) => "Encrypt the table with a KMS key";
    }
}
