using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Pooling
{
    /// <summary>DLA4001: <c>Pooling=false</c> in a connection string, on a builder or in appsettings.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotDisableConnectionPoolingAnalyzer : BooleanSettingAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.DoNotDisableConnectionPooling;

        internal override ConnectionSetting Setting => ConnectionSetting.Pooling;

        internal override bool ReportedValue => false;

        // Pooling off costs a physical connection per open wherever the database runs.
        internal override bool ExemptsLoopback => false;
    }
}
