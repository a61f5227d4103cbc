using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>
    /// DLA2004: a literal master password. AWS SDK: <c>MasterUserPassword</c> (property or constructor argument) on an RDS
    /// create or modify request. AWS CDK: <c>Credentials.FromPassword(user, SecretValue.UnsafePlainText("…"))</c> or
    /// <c>Credentials.FromUsername(user, new CredentialsFromUsernameOptions { Password = SecretValue.UnsafePlainText("…") })</c>
    /// (also the obsolete <c>SecretValue.PlainText</c>) in instance, cluster or serverless-cluster props, and a literal
    /// <c>MasterUserPassword</c> on L1 props. Reported at the value; the message never contains it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseManagedMasterUserPasswordAnalyzer : RequestRuleAnalyzer
    {
        private const string ManagedRemedy = "set ManageMasterUserPassword = true so RDS keeps and rotates the password in Secrets Manager";

        public UseManagedMasterUserPasswordAnalyzer()
            : base(
                DiagnosticDescriptors.UseManagedMasterUserPassword,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.ModifyDBInstance,
                CdkTypes.DatabaseInstanceProps,
                CdkTypes.DatabaseClusterProps,
                CdkTypes.ServerlessClusterProps,
                CdkTypes.CfnDBInstanceProps,
                CdkTypes.CfnDBClusterProps)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsCdk && !context.IsCdkL1)
            {
                AnalyzeCredentials(context);
                return;
            }

            if (context.Model.TryGetString("MasterUserPassword", out var password, out var setting, context.CancellationToken) && password.Length > 0)
            {
                // The fix swaps the password for ManageMasterUserPassword = true, unless the code already says something about it.
                var fix = context.Model.IsSet("ManageMasterUserPassword") ? null : RequestFix.ReplaceSetting("ManageMasterUserPassword", "true");
                var at = context.IsCdkL1 ? setting.Syntax : setting.Value.Syntax;
                context.ReportSetting(setting, at, fix, "MasterUserPassword of this " + context.Subject, ManagedRemedy);
            }
        }

        /// <summary>
        /// <c>Credentials = Credentials.FromPassword(user, secret)</c> / <c>FromUsername(user, options with Password = secret)</c>,
        /// written directly or through a local, where the secret is <c>SecretValue.UnsafePlainText/PlainText</c> of a known string.
        /// The fix replaces the credentials with <c>Credentials.FromGeneratedSecret(user)</c> when they are written in place.
        /// </summary>
        private static void AnalyzeCredentials(RequestRuleContext context)
        {
            if (!context.Model.TryGet("Credentials", out var setting)
                || !CdkValues.TryGetCdkCall(setting.Value, "Credentials", out var credentials, context.CancellationToken)
                || credentials.Arguments.Length < 2)
            {
                return;
            }

            var secretArgument = credentials.Arguments[1];
            IOperation? secret = null;
            switch (credentials.TargetMethod.Name)
            {
                case "FromPassword":
                    secret = secretArgument.Value;
                    break;
                case "FromUsername" when secretArgument.ArgumentKind != ArgumentKind.DefaultValue:
                    if (RequestModel.Create(secretArgument.Value, context.CancellationToken) is { } options && options.TryGet("Password", out var password))
                    {
                        secret = password.Value;
                    }

                    break;
            }

            if (!CdkValues.TryGetCdkCall(secret, "SecretValue", out var plainText, context.CancellationToken)
                || plainText.TargetMethod.Name is not ("UnsafePlainText" or "PlainText")
                || plainText.Arguments.Length != 1
                || !ValueResolver.TryResolveString(plainText.Arguments[0].Value, out var literal, context.CancellationToken)
                || !literal.IsFullyKnown || literal.Value.Length == 0)
            {
                return;
            }

            var written = ValueResolver.Unwrap(setting.Value) == credentials && credentials.Arguments[0].Syntax is ArgumentSyntax;
            var fix = written ? RequestFix.ReplaceValue("Credentials", "Amazon.CDK.AWS.RDS.Credentials.FromGeneratedSecret(" + ((ArgumentSyntax)credentials.Arguments[0].Syntax).Expression + ")") : null;
            context.ReportSetting(setting, plainText.Syntax, fix,
                "The master password given to SecretValue." + plainText.TargetMethod.Name + " for this " + context.Subject,
                "CDK writes it into the CloudFormation template; use Credentials.FromGeneratedSecret so CDK generates it in Secrets Manager");
        }
    }
}
