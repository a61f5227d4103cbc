using System.Composition;
using DataLayerAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DataLayerAnalyzers.CodeFixes.Credentials
{
    /// <summary>
    /// DLA2004: removes the literal MasterUserPassword and sets <c>ManageMasterUserPassword = true</c>; for AWS CDK credentials
    /// built from a literal, writes <c>Credentials.FromGeneratedSecret(user)</c> instead.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class UseManagedMasterUserPasswordFixer : RequestPropertyFixer
    {
        public const string EquivalenceKey = "DLA2004.ManageMasterUserPassword";

        public UseManagedMasterUserPasswordFixer()
            : base(RuleIdentifiers.UseManagedMasterUserPassword, EquivalenceKey)
        {
        }

        private protected override string GetTitle(string property, string value) => property == "Credentials"
            ? "Generate the master password in Secrets Manager (Credentials.FromGeneratedSecret)"
            : "Let RDS manage the master password in Secrets Manager";
    }
}
