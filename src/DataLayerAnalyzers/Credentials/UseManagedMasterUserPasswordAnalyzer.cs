using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>DLA2004: a literal <c>MasterUserPassword</c> (property or constructor argument) on an RDS create or modify request. Reported at the value; the message never contains it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseManagedMasterUserPasswordAnalyzer : RequestRuleAnalyzer
    {
        public UseManagedMasterUserPasswordAnalyzer()
            : base(
                DiagnosticDescriptors.UseManagedMasterUserPassword,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.ModifyDBInstance)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.Model.TryGetString("MasterUserPassword", out var password, out var setting, context.CancellationToken) && password.Length > 0)
            {
                // The fix swaps the password for ManageMasterUserPassword = true, unless the code already says something about it.
                var fix = context.Model.IsSet("ManageMasterUserPassword") ? null : RequestFix.ReplaceSetting("ManageMasterUserPassword", "true");
                context.ReportSetting(setting, setting.Value.Syntax, fix, context.TypeName);
            }
        }
    }
}
