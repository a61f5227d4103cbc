using Microsoft.CodeAnalysis;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// The common request rule: one boolean property (or dotted path) that must be <c>required</c>. Reports it written
    /// the other way (at the setting; the fix writes the required value) and, where the rule says so, never written (at the
    /// creation; the fix adds it). Rules state the property and, when needed, where "never written" counts and what the
    /// message says.
    /// </summary>
    public abstract class RequestFlagRuleAnalyzer : RequestRuleAnalyzer
    {
        private readonly string _path;
        private readonly bool _required;

        private protected RequestFlagRuleAnalyzer(DiagnosticDescriptor rule, string path, bool required, params string[] requestTypeMetadataNames)
            : base(rule, requestTypeMetadataNames)
        {
            _path = path;
            _required = required;
        }

        /// <summary>The property checked on this request; the constructor's path unless the rule varies it by request type.</summary>
        private protected virtual string GetPath(RequestRuleContext context) => _path;

        /// <summary>Whether a request that never writes the property is reported (the service default is the unsafe value).</summary>
        private protected virtual bool ReportsWhenNeverSet(RequestRuleContext context) => false;

        /// <summary>Message arguments; by default the request type's name.</summary>
        private protected virtual object[] GetMessageArguments(RequestRuleContext context, string path, bool written) => new object[] { context.TypeName };

        /// <summary>
        /// What the fix adds when the property is never written: by default <c>path = value</c>; a rule whose path is nested
        /// (<c>Spec.Enabled</c>) adds the outer property with a new object instead, or null for no fix.
        /// </summary>
        private protected virtual (string Property, string Value)? GetAddition(RequestRuleContext context, string path, string value) => (path, value);

        /// <summary>Checks beyond the flag itself (for example CDK defaults that follow from another property).</summary>
        private protected virtual void AnalyzeMore(RequestRuleContext context)
        {
        }

        private protected sealed override void Analyze(RequestRuleContext context)
        {
            var path = GetPath(context);
            var fixValue = _required ? "true" : "false";
            if (context.IsSetTo(path, !_required, out var setting))
            {
                context.ReportSetting(setting, fixValue, GetMessageArguments(context, path, written: true));
            }
            else if (!context.Model.IsSet(path) && ReportsWhenNeverSet(context))
            {
                var addition = GetAddition(context, path, fixValue);
                context.ReportMissing(addition?.Property ?? path, addition?.Value, GetMessageArguments(context, path, written: false));
            }

            AnalyzeMore(context);
        }
    }
}
