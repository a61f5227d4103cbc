using System.Threading.Tasks;
using DataLayerAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Tests.Cdk
{
    /// <summary>CDK test sources: a stack compiled against the real Amazon.CDK.Lib 2.160.0 (reference set <see cref="ReferenceSet.Cdk"/>).</summary>
    internal static class CdkTest
    {
        /// <summary>A stack whose constructor holds <paramref name="body"/>; <paramref name="members"/> go into the class.</summary>
        public static string Stack(string body, string members = "") => $$"""
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.KMS;
            using Amazon.CDK.AWS.RDS;
            using Constructs;

            class DataStack : Stack
            {
                public DataStack(Construct scope, string id, IVpc vpc, IKey key) : base(scope, id)
                {
            {{body}}
                }
            {{members}}
            }
            """;

        /// <summary>A stack with the DynamoDB namespace instead of RDS.</summary>
        public static string TableStack(string body, string members = "") => $$"""
            using Amazon.CDK;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.KMS;
            using Constructs;

            class TableStack : Stack
            {
                public TableStack(Construct scope, string id, IKey key) : base(scope, id)
                {
            {{body}}
                }
            {{members}}
            }
            """;

        public static Task AnalyzeAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new AnalyzerTest<TAnalyzer> { TestCode = source, References = ReferenceSet.Cdk };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public static Task FixAsync<TAnalyzer, TFixer>(string source, string fixedSource, string equivalenceKey)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TFixer : CodeFixProvider, new()
        {
            return new CodeFixTest<TAnalyzer, TFixer>
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
                References = ReferenceSet.Cdk,
            }.RunAsync();
        }
    }
}
