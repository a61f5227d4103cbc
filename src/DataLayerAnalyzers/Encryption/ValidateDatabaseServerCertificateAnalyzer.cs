using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>DLA3002: certificate validation switched off (TrustServerCertificate, always-true validation callbacks).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ValidateDatabaseServerCertificateAnalyzer : BooleanSettingAnalyzer
    {
        internal override DiagnosticDescriptor Rule => DiagnosticDescriptors.ValidateDatabaseServerCertificate;

        internal override ConnectionSetting Setting => ConnectionSetting.TrustServerCertificate;

        internal override bool ReportedValue => true;

        internal override void RegisterAdditionalActions(CompilationStartAnalysisContext context, ConnectionStringSymbols symbols)
        {
            var npgsqlBuilder = symbols.Types.Get("Npgsql.NpgsqlDataSourceBuilder");
            var npgsqlSlimBuilder = symbols.Types.Get("Npgsql.NpgsqlSlimDataSourceBuilder");
            var npgsqlConnection = symbols.Types.Get("Npgsql.NpgsqlConnection");
            var mySqlBuilder = symbols.Types.Get("MySqlConnector.MySqlDataSourceBuilder");
            var redisOptions = symbols.Types.Get("StackExchange.Redis.ConfigurationOptions");
            var sslOptions = symbols.Types.Get("System.Net.Security.SslClientAuthenticationOptions");

            context.RegisterDispatchedOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    var receiver = method.ContainingType;
                    var isCallbackRegistration =
                        (method.Name == "UseUserCertificateValidationCallback" && (receiver.Is(npgsqlBuilder) || receiver.Is(npgsqlSlimBuilder)))
                        || (method.Name == "UseRemoteCertificateValidationCallback" && receiver.Is(mySqlBuilder));
                    if (isCallbackRegistration && invocation.Arguments.Length > 0)
                    {
                        ReportCallback(c, invocation.Arguments[0].Value);
                    }
                },
                OperationKind.Invocation);

            context.RegisterDispatchedOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (!(assignment.Target is IPropertyReferenceOperation property))
                    {
                        return;
                    }

                    var owner = property.Property.ContainingType;
                    if ((property.Property.Name == "UserCertificateValidationCallback" && owner.IsOrDerivesFrom(npgsqlConnection))
                        || (property.Property.Name == "RemoteCertificateValidationCallback" && owner.Is(sslOptions) && InDatabaseTlsOptions(assignment)))
                    {
                        ReportCallback(c, assignment.Value);
                    }
                },
                OperationKind.SimpleAssignment);

            if (redisOptions != null)
            {
                context.RegisterDispatchedOperationAction(
                    c =>
                    {
                        var eventAssignment = (IEventAssignmentOperation)c.Operation;
                        if (eventAssignment.Adds && eventAssignment.EventReference is IEventReferenceOperation reference
                            && reference.Event.Name == "CertificateValidation" && reference.Event.ContainingType.Is(redisOptions))
                        {
                            ReportCallback(c, eventAssignment.HandlerValue);
                        }
                    },
                    OperationKind.EventAssignment);
            }
        }

        /// <summary>SslClientAuthenticationOptions built for Npgsql's callback or Redis' options, not for an unrelated SslStream.</summary>
        private static bool InDatabaseTlsOptions(IOperation operation)
        {
            return CertificateCallbacks.IsInsideArgumentOf(operation, "UseSslClientAuthenticationOptionsCallback")
                || IsInsideAssignmentTo(operation, "SslClientAuthenticationOptions");
        }

        private static bool IsInsideAssignmentTo(IOperation operation, string propertyName)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && target.Property.Name == propertyName
                    && target.Property.ContainingType.Name == "ConfigurationOptions")
                {
                    return true;
                }
            }

            return false;
        }

        private void ReportCallback(OperationContext context, IOperation value)
        {
            var callback = CertificateCallbacks.FindAlwaysTrueCallback(value, context.CancellationToken);
            if (callback != null)
            {
                var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(SettingEdits.EditKey, SettingEdits.RemoveStatement);
                context.ReportDiagnostic(Diagnostic.Create(Rule, callback.GetLocation(), properties, "A certificate validation callback that always returns true"));
            }
        }
    }
}
