using DataLayerAnalyzers.Infrastructure;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>DLA5001: <c>BackupRetentionPeriod</c> below the minimum (0 disables automated backups) on RDS create, modify and restore requests. Option <c>dotnet_code_quality.DLA5001.min_retention_days</c> (default 1).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnableAutomatedBackupsAnalyzer : RequestRuleAnalyzer
    {
        public EnableAutomatedBackupsAnalyzer()
            : base(
                DiagnosticDescriptors.EnableAutomatedBackups,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.ModifyDBInstance,
                AwsRequestTypes.RestoreDBInstanceFromDBSnapshot,
                AwsRequestTypes.RestoreDBClusterFromSnapshot)
        {
        }

        internal const string MinRetentionDaysKey = "min_retention_days";
        private const int RecommendedDays = 7;
        private const int MaxDays = 35;

        private protected override void Analyze(RequestRuleContext context)
        {
            if (!context.Model.TryGetInt("BackupRetentionPeriod", out var days, out var setting, context.CancellationToken))
            {
                return;
            }

            var minimum = context.Options.GetRuleInt(context.Tree, RuleIdentifiers.EnableAutomatedBackups, MinRetentionDaysKey, 1);
            minimum = minimum < 1 ? 1 : minimum > MaxDays ? MaxDays : minimum;
            if (days < minimum)
            {
                var fixDays = minimum > RecommendedDays ? minimum : RecommendedDays;
                var effect = days <= 0 ? "disables automated backups" : "keeps automated backups too briefly";
                context.ReportSetting(setting, fixDays.ToString(CultureInfo.InvariantCulture), days, context.TypeName, effect, minimum);
            }
        }
    }
}
