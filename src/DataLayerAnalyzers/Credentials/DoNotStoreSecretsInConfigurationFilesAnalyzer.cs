using System.Collections.Immutable;
using System.IO;
using System.Linq;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using DataLayerAnalyzers.Infrastructure.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>DLA2003: a literal database password or an AWS secret access key in an appsettings*.json file.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotStoreSecretsInConfigurationFilesAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Also read appsettings.Development.json (skipped by default: local development settings).</summary>
        public const string IncludeDevelopmentFilesOption = "include_development_files";

        private static readonly DiagnosticDescriptor Rule = DiagnosticDescriptors.DoNotStoreSecretsInConfigurationFiles;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterAdditionalFileAction(AnalyzeFile));
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            if (!ConfigurationFiles.IsAppSettings(file.Path)
                || (ConfigurationFiles.IsDevelopmentSettings(file.Path) && !context.Options.GetRuleBool(file, Rule.Id, IncludeDevelopmentFilesOption, defaultValue: false)))
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            var fileName = Path.GetFileName(file.Path);
            var skipLoopback = context.Options.GetRuleBool(file, Rule.Id, ConnectionStringAnalyzer.SkipLoopbackOption, defaultValue: true);
            var read = ConfigurationFiles.Read(text);
            var values = read.Values;
            foreach (var connectionString in read.ConnectionStrings)
            {
                foreach (var info in connectionString.Candidates)
                {
                    var password = info.Get(ConnectionSetting.Password);
                    if (password != null && SecretValues.IsLiteralSecret(password.Value) && !info.UsesIntegratedOrTokenAuthentication
                        && !(skipLoopback && info.IsLoopback))
                    {
                        Report(context, text, connectionString.Value.Span, "A database password ('" + password.Key + "')", fileName);
                        break;
                    }
                }
            }

            foreach (var value in values)
            {
                if (AwsKeyShapes.IsSecretAccessKey(value.Value)
                    && values.Any(other => other.ObjectId == value.ObjectId && AwsKeyShapes.IsAccessKeyId(other.Value)))
                {
                    Report(context, text, value.Span, "An AWS secret access key", fileName);
                }
            }
        }

        private static void Report(AdditionalFileAnalysisContext context, SourceText text, TextSpan span, string what, string fileName)
        {
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, what, fileName));
        }
    }
}
