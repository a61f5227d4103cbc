using System.Collections.Concurrent;
using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>
    /// DLA2001: a literal AWS access key ID or secret access key that reaches <c>BasicAWSCredentials</c>,
    /// <c>SessionAWSCredentials</c> or an <c>Amazon*Client(awsAccessKeyId, awsSecretAccessKey, …)</c> constructor, directly
    /// or through constants, static readonly fields and locals. Reported where the secret (else the key ID) is written;
    /// the creation is the additional location the fix works on.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DoNotHardCodeAwsCredentialsAnalyzer : DiagnosticAnalyzer
    {
        public const string SecretKeyShape = "AWS secret access key";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.DoNotHardCodeAwsCredentials);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var basic = start.Compilation.GetTypeByMetadataName("Amazon.Runtime.BasicAWSCredentials");
                var session = start.Compilation.GetTypeByMetadataName("Amazon.Runtime.SessionAWSCredentials");
                var serviceClient = start.Compilation.GetTypeByMetadataName("Amazon.Runtime.AmazonServiceClient");
                if (basic is null && serviceClient is null)
                {
                    return;
                }

                // A key in a constant used by several clients is reported once, where it is written.
                var reported = new ConcurrentDictionary<Location, bool>();
                start.RegisterDispatchedOperationAction(
                    ctx =>
                    {
                        var creation = (IObjectCreationOperation)ctx.Operation;
                        var type = creation.Type;
                        IArgumentOperation? keyId = null, secret = null;
                        if (type.Is(basic) || type.Is(session))
                        {
                            keyId = Argument(creation, 0, null);
                            secret = Argument(creation, 1, null);
                        }
                        else if (type.IsOrDerivesFrom(serviceClient))
                        {
                            keyId = Argument(creation, -1, "awsAccessKeyId");
                            secret = Argument(creation, -1, "awsSecretAccessKey");
                        }

                        if (keyId is null && secret is null)
                        {
                            return;
                        }

                        SyntaxNode? at = null;
                        string? shape = null;
                        if (TryResolveKey(secret, out var secretValue, ctx) && AwsKeyShapes.IsSecretAccessKey(secretValue!.Value))
                        {
                            at = secretValue.LocateSpan(0, secretValue.Value.Length);
                            shape = SecretKeyShape;
                        }
                        else if (TryResolveKey(keyId, out var keyIdValue, ctx) && AwsKeyShapes.IsAccessKeyId(keyIdValue!.Value))
                        {
                            at = keyIdValue.LocateSpan(0, keyIdValue.Value.Length);
                            shape = "AWS access key ID (" + AwsKeyShapes.AccessKeyPrefix(keyIdValue.Value) + ")";
                        }

                        if (at is null || shape is null)
                        {
                            return;
                        }

                        var location = at.GetLocation();
                        if (reported.TryAdd(location, true))
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.DoNotHardCodeAwsCredentials, location, new[] { creation.Syntax.GetLocation() }, shape));
                        }
                    },
                    OperationKind.ObjectCreation);
            });
        }

        private static IArgumentOperation? Argument(IObjectCreationOperation creation, int ordinal, string? name)
        {
            foreach (var argument in creation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || parameter.Type.SpecialType != SpecialType.System_String || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if ((name != null && parameter.Name == name) || (name is null && parameter.Ordinal == ordinal))
                {
                    return argument;
                }
            }

            return null;
        }

        private static bool TryResolveKey(IArgumentOperation? argument, out ResolvedString? value, OperationContext context)
        {
            value = null;
            if (argument is null || !ValueResolver.TryResolveString(argument.Value, out var resolved, context.CancellationToken) || !resolved.IsFullyKnown)
            {
                return false;
            }

            value = resolved;
            return true;
        }
    }
}
