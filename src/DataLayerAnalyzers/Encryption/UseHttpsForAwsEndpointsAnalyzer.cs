using System;
using System.Collections.Immutable;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>
    /// DLA3003: an AWS client config (<c>ClientConfig</c> and every <c>Amazon*Config</c>) whose effective settings send
    /// requests over plain HTTP: <c>UseHttp = true</c>, or a <c>ServiceURL</c> of <c>http://</c> to a host that is not the
    /// local machine. DynamoDB Local / LocalStack on loopback and values read from configuration are not findings.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UseHttpsForAwsEndpointsAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Comma-separated host names that may be reached over http (for example docker-compose service names).</summary>
        public const string AllowedHttpHostsOption = "allowed_http_hosts";

        public const string KindProperty = "Kind";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.UseHttpsForAwsEndpoints);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var clientConfig = start.Compilation.GetTypeByMetadataName("Amazon.Runtime.ClientConfig");
                if (clientConfig is null)
                {
                    return;
                }

                start.RegisterDispatchedOperationAction(
                    ctx =>
                    {
                        var creation = (IObjectCreationOperation)ctx.Operation;
                        if (creation.Type.IsOrDerivesFrom(clientConfig) && !creation.Type.Is(clientConfig))
                        {
                            Analyze(ctx, creation);
                        }
                    },
                    OperationKind.ObjectCreation);
            });
        }

        private static void Analyze(OperationContext context, IObjectCreationOperation creation)
        {
            var model = RequestModel.FromCreation(creation, context.CancellationToken);
            var allowed = context.Options.GetRuleOption(creation.Syntax.SyntaxTree, RuleIdentifiers.UseHttpsForAwsEndpoints, AllowedHttpHostsOption);

            var urlIsLocalOrUnknown = false;
            if (model.TryGet("ServiceURL", out var url))
            {
                if (ValueResolver.TryResolveString(url.Value, out var resolved, context.CancellationToken)
                    && TryGetHttpHost(resolved.Value, out var host))
                {
                    if (IsKnownRemote(host, allowed))
                    {
                        context.ReportOutsideTestCode(Diagnostic.Create(
                            DiagnosticDescriptors.UseHttpsForAwsEndpoints, url.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "ServiceURL"),
                            "ServiceURL 'http://" + host.Replace(ResolvedString.Unknown.ToString(), "…") + "'"));
                        return;
                    }

                    urlIsLocalOrUnknown = true;
                }
                else
                {
                    // https, or a value from configuration: UseHttp only matters when no endpoint is given.
                    urlIsLocalOrUnknown = !(resolved?.IsFullyKnown ?? false) || resolved.Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                }
            }

            if (!urlIsLocalOrUnknown && model.TryGet("UseHttp", out var useHttp)
                && ValueResolver.TryResolveBool(useHttp.Value, out var value, out _, context.CancellationToken) && value)
            {
                context.ReportOutsideTestCode(Diagnostic.Create(
                    DiagnosticDescriptors.UseHttpsForAwsEndpoints, useHttp.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(KindProperty, "UseHttp"),
                    "UseHttp = true"));
            }
        }

        /// <summary>The host of an <c>http://</c> URL (unknown parts stay as <see cref="ResolvedString.Unknown"/>).</summary>
        private static bool TryGetHttpHost(string url, out string host)
        {
            host = string.Empty;
            var trimmed = url.Trim();
            if (!trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var rest = trimmed.Substring("http://".Length);
            var at = rest.IndexOf('@');
            if (at >= 0)
            {
                rest = rest.Substring(at + 1);
            }

            if (rest.StartsWith("[", StringComparison.Ordinal))
            {
                var close = rest.IndexOf(']');
                host = close > 0 ? rest.Substring(0, close + 1) : rest;
                return host.Length > 0;
            }

            var end = rest.IndexOfAny(new[] { '/', ':', '?', '#' });
            host = end >= 0 ? rest.Substring(0, end) : rest;
            return host.Length > 0;
        }

        /// <summary>
        /// A fully known host that is not local, or a host whose unknown part is followed by a known domain
        /// (<c>dynamodb.{region}.amazonaws.com</c>): no value of the hole makes it the local machine.
        /// </summary>
        private static bool IsKnownRemote(string host, string? allowed)
        {
            var lastHole = host.LastIndexOf(ResolvedString.Unknown);
            if (lastHole < 0)
            {
                return !IsLocal(host, allowed);
            }

            var suffix = host.Substring(lastHole + 1);
            var dot = suffix.IndexOf('.');
            if (dot < 0 || dot == suffix.Length - 1 || host.IndexOf(ResolvedString.Unknown) == 0 && !IsDomain(suffix.Substring(dot + 1)))
            {
                return false;
            }

            var domain = suffix.Substring(dot + 1).ToLowerInvariant().TrimEnd('.');
            return domain != "localhost" && !domain.EndsWith(".localhost", StringComparison.Ordinal) && !IsLocal(domain, allowed);
        }

        private static bool IsDomain(string text) => text.IndexOf('.') > 0 && !char.IsDigit(text[text.Length - 1]);

        private static bool IsLocal(string host, string? allowed)
        {
            var h = host.ToLowerInvariant().TrimEnd('.');
            if (h == "localhost" || h.EndsWith(".localhost", StringComparison.Ordinal) || h == "[::1]" || h.StartsWith("127.", StringComparison.Ordinal))
            {
                return true;
            }

            if (allowed != null)
            {
                foreach (var entry in allowed.Split(','))
                {
                    if (string.Equals(entry.Trim(), h, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
