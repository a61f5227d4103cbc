using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Durability
{
    /// <summary>
    /// DLA5006: point-in-time recovery off. AWS SDK: an <c>UpdateContinuousBackupsRequest</c> whose
    /// <c>PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled</c> is false. AWS CDK: a <c>Table</c> or <c>TableV2</c>
    /// without <c>PointInTimeRecovery = true</c> (CDK's default is off) or with false, and a <c>CfnTable</c> without an enabled
    /// <c>PointInTimeRecoverySpecification</c>; on CDK versions whose props have the newer <c>PointInTimeRecoverySpecification</c>
    /// property, either form counts.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnablePointInTimeRecoveryAnalyzer : RequestFlagRuleAnalyzer
    {
        private const string Specification = "PointInTimeRecoverySpecification";
        private const string SpecificationEnabled = Specification + ".PointInTimeRecoveryEnabled";

        public EnablePointInTimeRecoveryAnalyzer()
            : base(
                DiagnosticDescriptors.EnablePointInTimeRecovery,
                SpecificationEnabled,
                required: true,
                AwsRequestTypes.UpdateContinuousBackups,
                CdkTypes.TableProps,
                CdkTypes.TablePropsV2,
                CdkTypes.CfnTableProps)
        {
        }

        private protected override string GetPath(RequestRuleContext context) =>
            context.IsCdk && !context.IsCdkL1 && !context.Model.IsSet(Specification) ? "PointInTimeRecovery" : SpecificationEnabled;

        /// <summary>CDK leaves it off when omitted; a specification object the model cannot see is not second-guessed.</summary>
        private protected override bool ReportsWhenNeverSet(RequestRuleContext context) => context.IsCdk && !context.Model.IsSet(Specification);

        private protected override (string Property, string Value)? GetAddition(RequestRuleContext context, string path, string value)
        {
            if (context.IsCdkL1)
            {
                return (Specification, "new Amazon.CDK.AWS.DynamoDB.CfnTable.PointInTimeRecoverySpecificationProperty { PointInTimeRecoveryEnabled = true }");
            }

            // Newer CDK versions mark PointInTimeRecovery obsolete in favour of the specification: write what the version has.
            return HasProperty(context.Model.Creation?.Type, Specification)
                ? (Specification, "new Amazon.CDK.AWS.DynamoDB.PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true }")
                : ("PointInTimeRecovery", value);
        }

        private protected override object[] GetMessageArguments(RequestRuleContext context, string path, bool written)
        {
            if (!context.IsCdk)
            {
                return new object[] { "PointInTimeRecoveryEnabled = false turns off continuous backups" };
            }

            if (written)
            {
                return new object[] { (context.IsCdkL1 ? "PointInTimeRecoveryEnabled" : "PointInTimeRecovery") + " = false on this " + context.Subject + " turns off continuous backups" };
            }

            return new object[]
            {
                context.IsCdkL1
                    ? "This " + context.Subject + " has no enabled PointInTimeRecoverySpecification, so CloudFormation leaves continuous backups off"
                    : "This " + context.Subject + " has no point-in-time recovery (CDK leaves it off unless PointInTimeRecovery = true)",
            };
        }

        private static bool HasProperty(ITypeSymbol? type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (!current.GetMembers(name).IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
