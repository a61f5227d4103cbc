using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>
    /// DLA3007 (off by default): a DynamoDB <c>CreateTableRequest</c> whose table keeps the AWS owned key — no
    /// <c>SSESpecification</c>, or one that is neither of type KMS nor enabled (enabled without a type means KMS); the AWS CDK
    /// <c>Table</c>, <c>TableV2</c> and <c>CfnTable</c> equivalents.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseCustomerManagedKeyForDynamoDbAnalyzer : RequestRuleAnalyzer
    {
        internal const string KmsSpecification =
            "new Amazon.DynamoDBv2.Model.SSESpecification { Enabled = true, SSEType = Amazon.DynamoDBv2.SSEType.KMS }";

        private const string Sse = "SSESpecification";

        public UseCustomerManagedKeyForDynamoDbAnalyzer()
            : base(DiagnosticDescriptors.UseCustomerManagedKeyForDynamoDb, AwsRequestTypes.CreateTable, CdkTypes.TableProps, CdkTypes.TablePropsV2, CdkTypes.CfnTableProps)
        {
        }

        private const string SdkRemedy = "add an SSESpecification of type KMS to control the key";

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsCdk)
            {
                AnalyzeCdk(context);
                return;
            }

            var subject = "This " + context.TypeName;
            if (!context.Model.TryGet(Sse, out var specification))
            {
                context.ReportMissing(Sse, KmsSpecification, subject, SdkRemedy);
                return;
            }

            if (!IsVisible(specification))
            {
                return; // built elsewhere: nothing is known about it
            }

            if (context.Model.TryGet(Sse + ".SSEType", out var type))
            {
                if (TryGetSseType(type.Value, out var name) && name != "KMS")
                {
                    context.ReportSetting(type, "Amazon.DynamoDBv2.SSEType.KMS", subject, SdkRemedy);
                }
            }
            else if (context.IsSetTo(Sse + ".Enabled", false, out var enabled))
            {
                context.ReportSetting(enabled, "true", subject, SdkRemedy);
            }
            else if (!context.Model.IsSet(Sse + ".Enabled"))
            {
                context.ReportSetting(specification, KmsSpecification, subject, SdkRemedy);
            }
        }

        /// <summary>
        /// CDK: a <c>Table</c> without <c>Encryption = TableEncryption.CUSTOMER_MANAGED</c> or an <c>EncryptionKey</c> (CDK's default
        /// is the AWS owned key); a <c>TableV2</c> without <c>TableEncryptionV2.CustomerManagedKey(…)</c>; a <c>CfnTable</c> without an
        /// enabled <c>SseSpecification</c>. Values the code cannot know make no finding.
        /// </summary>
        private static void AnalyzeCdk(RequestRuleContext context)
        {
            var subject = "This " + context.Subject;
            switch (context.TypeName)
            {
                case "ITableProps":
                    {
                        if (context.Model.IsSet("EncryptionKey"))
                        {
                            return;
                        }

                        // CUSTOMER_MANAGED without a key makes CDK create one; with ReplicationRegions CDK rejects it, so no fix there.
                        var fix = context.Model.IsSet("ReplicationRegions") ? null : "Amazon.CDK.AWS.DynamoDB.TableEncryption.CUSTOMER_MANAGED";
                        const string remedy = "set Encryption = TableEncryption.CUSTOMER_MANAGED or an EncryptionKey to control the key";
                        if (!context.Model.TryGet("Encryption", out var encryption))
                        {
                            context.ReportMissing("Encryption", fix, subject + " (CDK's default encryption)", remedy);
                        }
                        else if (ValueResolver.TryResolveEnumMember(encryption.Value, out var member, out _, context.CancellationToken) && member != "CUSTOMER_MANAGED")
                        {
                            context.ReportSetting(encryption, fix, "Encryption = TableEncryption." + member + " on this " + context.Subject, remedy);
                        }

                        return;
                    }

                case "ITablePropsV2":
                    {
                        // No fix: TableEncryptionV2.CustomerManagedKey needs a key the code has to choose.
                        const string remedy = "set Encryption = TableEncryptionV2.CustomerManagedKey(key) to control the key";
                        if (!context.Model.TryGet("Encryption", out var encryption))
                        {
                            context.ReportMissing("Encryption", null, subject + " (CDK's default is TableEncryptionV2.DynamoOwnedKey())", remedy);
                        }
                        else if (CdkValues.TryGetCdkCall(encryption.Value, "TableEncryptionV2", out var call, context.CancellationToken) && call.TargetMethod.Name != "CustomerManagedKey")
                        {
                            context.ReportSetting(encryption, null, "Encryption = TableEncryptionV2." + call.TargetMethod.Name + "() on this " + context.Subject, remedy);
                        }

                        return;
                    }

                default:
                    {
                        const string remedy = "add an enabled SseSpecification to encrypt with a KMS key";
                        const string specification = "SseSpecification";
                        if (!context.Model.TryGet(specification, out _))
                        {
                            context.ReportMissing(specification, CdkKmsSpecification, subject + " (CloudFormation's default encryption)", remedy);
                        }
                        else if (context.IsSetTo(specification + ".SseEnabled", false, out var enabled))
                        {
                            context.ReportSetting(enabled, "true", "SseEnabled = false on this " + context.Subject, remedy);
                        }

                        return;
                    }
            }
        }

        internal const string CdkKmsSpecification = "new Amazon.CDK.AWS.DynamoDB.CfnTable.SSESpecificationProperty { SseEnabled = true, SseType = \"KMS\" }";

        private static bool IsVisible(PropertySetting specification)
        {
            return specification.Value is IObjectOrCollectionInitializerOperation
                || ValueResolver.Unwrap(specification.Value) is IObjectCreationOperation
                || RequestModel.Create(specification.Value)?.Creation != null;
        }

        /// <summary><c>SSEType.KMS</c> (a constant-class field) or the string it converts from.</summary>
        private static bool TryGetSseType(IOperation value, out string name)
        {
            name = string.Empty;
            switch (ValueResolver.Unwrap(value))
            {
                case IFieldReferenceOperation { Field: { IsStatic: true } field } when field.ContainingType.Name == "SSEType":
                    name = field.Name;
                    return true;
                case { } other when ValueResolver.TryResolveString(other, out var text) && text.IsFullyKnown:
                    name = text.Value;
                    return true;
                default:
                    return false;
            }
        }
    }
}
