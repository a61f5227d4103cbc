using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>
    /// DLA3007 (off by default): a DynamoDB <c>CreateTableRequest</c> whose table keeps the AWS owned key — no
    /// <c>SSESpecification</c>, or one that is neither of type KMS nor enabled (enabled without a type means KMS).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseCustomerManagedKeyForDynamoDbAnalyzer : RequestRuleAnalyzer
    {
        internal const string KmsSpecification =
            "new Amazon.DynamoDBv2.Model.SSESpecification { Enabled = true, SSEType = Amazon.DynamoDBv2.SSEType.KMS }";

        private const string Sse = "SSESpecification";

        public UseCustomerManagedKeyForDynamoDbAnalyzer()
            : base(DiagnosticDescriptors.UseCustomerManagedKeyForDynamoDb, AwsRequestTypes.CreateTable)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (!context.Model.TryGet(Sse, out var specification))
            {
                context.ReportMissing(Sse, KmsSpecification);
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
                    context.ReportSetting(type, "Amazon.DynamoDBv2.SSEType.KMS");
                }
            }
            else if (context.IsSetTo(Sse + ".Enabled", false, out var enabled))
            {
                context.ReportSetting(enabled, "true");
            }
            else if (!context.Model.IsSet(Sse + ".Enabled"))
            {
                context.ReportSetting(specification, KmsSpecification);
            }
        }

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
