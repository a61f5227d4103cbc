using DataLayerAnalyzers.Infrastructure;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>
    /// DLA5001: <c>BackupRetentionPeriod</c> below the minimum (0 disables automated backups) on RDS create, modify and restore
    /// requests and CDK L1 props; a CDK <c>BackupRetention</c> (instances) or <c>Backup.Retention</c> (clusters) <c>Duration</c>
    /// below it. Omission is not reported: CloudFormation keeps one day. Option <c>dotnet_code_quality.DLA5001.min_retention_days</c> (default 1).
    /// </summary>
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
                AwsRequestTypes.RestoreDBClusterFromSnapshot,
                CdkTypes.DatabaseInstanceProps,
                CdkTypes.DatabaseInstanceFromSnapshotProps,
                CdkTypes.DatabaseClusterProps,
                CdkTypes.DatabaseClusterFromSnapshotProps,
                CdkTypes.CfnDBInstanceProps,
                CdkTypes.CfnDBClusterProps)
        {
        }

        internal const string MinRetentionDaysKey = "min_retention_days";
        private const int RecommendedDays = 7;
        private const int MaxDays = 35;

        private protected override void Analyze(RequestRuleContext context)
        {
            double days;
            PropertySetting setting;
            if (!context.IsCdk || context.IsCdkL1)
            {
                // AWS SDK requests and L1 props: a number of days (int, or double on L1 props).
                if (!context.Model.TryGet("BackupRetentionPeriod", out setting) || !CdkValues.TryGetNumber(setting.Value, out days, context.CancellationToken))
                {
                    return;
                }
            }
            else
            {
                // CDK L2: a Duration (BackupRetention on instances, Backup.Retention on clusters). Omitted: CloudFormation keeps 1 day.
                var path = context.TypeName.StartsWith("IDatabaseCluster", System.StringComparison.Ordinal) ? "Backup.Retention" : "BackupRetention";
                if (!context.Model.TryGet(path, out setting) || !CdkValues.TryGetDurationDays(setting.Value, out days, context.CancellationToken))
                {
                    return;
                }
            }

            var minimum = context.Options.GetRuleInt(context.Tree, RuleIdentifiers.EnableAutomatedBackups, MinRetentionDaysKey, 1);
            minimum = minimum < 1 ? 1 : minimum > MaxDays ? MaxDays : minimum;
            if (days < minimum)
            {
                var fixDays = (minimum > RecommendedDays ? minimum : RecommendedDays).ToString(CultureInfo.InvariantCulture);
                var effect = days <= 0 ? "disables automated backups" : "keeps automated backups too briefly";
                var fix = context.IsCdk && !context.IsCdkL1 ? "Amazon.CDK.Duration.Days(" + fixDays + ")" : fixDays;
                var shown = days == (int)days ? (object)(int)days : days.ToString("0.###", CultureInfo.InvariantCulture);
                context.ReportSetting(setting, fix, shown, context.Subject, effect, minimum);
            }
        }
    }
}
