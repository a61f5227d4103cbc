using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>DLA3006: TLS that encrypts but never checks the server certificate (Npgsql Require, MySQL Required).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VerifyDatabaseServerIdentityAnalyzer : TransportSecurityAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.VerifyDatabaseServerIdentity;

        internal override TransportSecurity ReportedSecurity => TransportSecurity.EncryptedNotVerified;

        // Only strings a known provider receives: the rules for standalone strings are password, TLS off, validation off, pooling off.
        internal override bool AnalyzesStandaloneStrings => false;
    }
}
