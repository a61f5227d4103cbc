using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using DataLayerAnalyzers.Infrastructure.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// The shared engine of the connection-string rules: finds every connection string (and typed builder setting)
    /// the code writes, resolves it at compile time, reads it with the provider's keyword rules, and hands it to the
    /// rule; optionally also the connection strings of appsettings*.json files. A rule only states its check.
    /// </summary>
    public abstract class ConnectionStringAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Shared option: report literal loopback hosts too (default: they are local development and skipped).</summary>
        public const string SkipLoopbackOption = "skip_loopback_hosts";

        private ImmutableArray<DiagnosticDescriptor> _supported;

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        {
            get
            {
                if (_supported.IsDefault)
                {
                    _supported = ImmutableArray.Create(Rule);
                }

                return _supported;
            }
        }

        internal abstract DiagnosticDescriptor Rule { get; }

        /// <summary>Whether the rule also reads the connection strings of appsettings*.json AdditionalFiles.</summary>
        internal virtual bool AnalyzesConfigurationFiles => false;

        /// <summary>Whether a literal loopback host exempts the string (rules about local-development-only risks).</summary>
        internal virtual bool ExemptsLoopback => true;

        /// <summary>
        /// Whether the rule also reads unmistakable connection strings written where no provider receives them in sight
        /// (<see cref="StandaloneConnectionStrings"/>), with only the checks every candidate provider agrees on.
        /// </summary>
        internal virtual bool AnalyzesStandaloneStrings => false;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();
                var symbols = ConnectionStringSymbols.Create(start.Compilation);
                if (symbols != null)
                {
                    start.RegisterDispatchedOperationAction(c => AnalyzeSink(c, symbols, reported), OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment);
                    RegisterAdditionalActions(start, symbols);
                }

                if (AnalyzesStandaloneStrings && StandaloneConnectionStrings.ReferencesDataAccess(start.Compilation))
                {
                    start.RegisterDispatchedOperationAction(c => AnalyzeStandalone(c, symbols, reported), OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
                }

                if (AnalyzesConfigurationFiles)
                {
                    start.RegisterAdditionalFileAction(AnalyzeConfigurationFile);
                }
            });
        }

        /// <summary>A connection string written in code, read with the provider that receives it.</summary>
        internal virtual void AnalyzeConnectionString(ConnectionStringContext context)
        {
        }

        /// <summary>An assignment to a typed builder property.</summary>
        internal virtual void AnalyzeTypedSetting(TypedSettingContext context)
        {
        }

        /// <summary>A connection string in a configuration file, with each provider that could read it.</summary>
        internal virtual void AnalyzeConfigurationValue(ConfigValueContext context)
        {
        }

#pragma warning disable RS1012 // A hook: rules that need more than connection strings (certificate callbacks) register here.
        internal virtual void RegisterAdditionalActions(CompilationStartAnalysisContext context, ConnectionStringSymbols symbols)
        {
        }
#pragma warning restore RS1012

        internal bool SkipsLoopback(AnalyzerOptions options, SyntaxTree? tree)
        {
            return ExemptsLoopback && options.GetRuleBool(tree, Rule.Id, SkipLoopbackOption, defaultValue: true);
        }

        private void AnalyzeSink(OperationContext context, ConnectionStringSymbols symbols, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
        {
            var operation = context.Operation;
            if (symbols.TryGetConnectionStringSink(operation, out var value, out var provider))
            {
                if (SharedStringReads.TryResolveString(value, out var resolved, context.CancellationToken))
                {
                    var info = SharedStringReads.Parse(value, provider, resolved, context.CancellationToken);
                    if (!(SkipsLoopback(context.Options, operation.Syntax.SyntaxTree) && info.IsLoopback))
                    {
                        AnalyzeConnectionString(new ConnectionStringContext(context, symbols, info, resolved, reported));
                    }
                }

                return;
            }

            if (symbols.TryGetTypedSetting(operation, out var setting))
            {
                // The loopback exemption is looked at only when the rule is about to report: reading the builder's
                // host costs more than every check a rule makes of the setting.
                AnalyzeTypedSetting(new TypedSettingContext(context, setting, reported, this));
            }
        }

        /// <summary>
        /// A whole string expression that is unmistakably a connection string, wherever it is written. Each candidate
        /// provider runs the rule's check; the finding is reported (where the literal is written) only when every
        /// candidate finds the same thing. A string handed straight to a known provider is left to the sink.
        /// </summary>
        private void AnalyzeStandalone(OperationContext context, ConnectionStringSymbols? symbols, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
        {
            var operation = context.Operation;
            if (!StandaloneConnectionStrings.IsWholeString(operation) || !StandaloneConnectionStrings.MayBeConnectionString(operation)
                || !SharedStringReads.TryReadStandalone(operation, symbols, out var resolved, out var candidates, context.CancellationToken))
            {
                return;
            }

            var skipLoopback = SkipsLoopback(context.Options, operation.Syntax.SyntaxTree);
            ConnectionStringContext? agreed = null;
            foreach (var info in candidates)
            {
                if (skipLoopback && info.IsLoopback)
                {
                    return;
                }

                var candidate = new ConnectionStringContext(context, symbols, info, resolved, reported, deferred: true);
                AnalyzeConnectionString(candidate);
                if (candidate.Pending.Count == 0 || (agreed != null && !agreed.FoundSameAs(candidate)))
                {
                    return;
                }

                agreed ??= candidate;
            }

            agreed?.ReportPending();
        }

        private void AnalyzeConfigurationFile(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            if (!ConfigurationFiles.IsAppSettings(file.Path))
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            var read = ConfigurationFiles.Read(text);
            var values = read.Values;
            var skipLoopback = ExemptsLoopback && context.Options.GetRuleBool(file, Rule.Id, SkipLoopbackOption, defaultValue: true);
            foreach (var connectionString in read.ConnectionStrings)
            {
                var valueContext = new ConfigValueContext(context, text, connectionString, values, skipLoopback);
                AnalyzeConfigurationValue(valueContext);
            }
        }
    }

    /// <summary>What a rule sees of a connection string written in code.</summary>
    internal sealed class ConnectionStringContext
    {
        private readonly OperationContext _context;
        private readonly ConcurrentDictionary<(SyntaxTree, TextSpan), byte> _reported;

        public ConnectionStringContext(OperationContext context, ConnectionStringSymbols? symbols, ConnectionStringInfo info, ResolvedString source, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported, bool deferred = false)
        {
            _context = context;
            Symbols = symbols;
            Info = info;
            Source = source;
            _reported = reported;
            IsStandalone = deferred;
            Pending = new System.Collections.Generic.List<Diagnostic>();
        }

        /// <summary>Null for a standalone string read in a compilation that references no provider.</summary>
        public ConnectionStringSymbols? Symbols { get; }

        /// <summary>A string with no provider in sight, read with one candidate provider: findings wait in <see cref="Pending"/>.</summary>
        public bool IsStandalone { get; }

        public System.Collections.Generic.List<Diagnostic> Pending { get; }

        public ConnectionStringInfo Info { get; }

        public ResolvedString Source { get; }

        public AnalyzerOptions Options => _context.Options;

        public SyntaxTree Tree => _context.Operation.Syntax.SyntaxTree;

        public CancellationToken CancellationToken => _context.CancellationToken;

        /// <summary>
        /// Reports at the literal (or interpolated-string part) where the entry is written: its value when
        /// <paramref name="atValue"/>, otherwise its whole <c>key=value</c> segment. Reported once per place.
        /// </summary>
        public void Report(DiagnosticDescriptor rule, ConnectionStringEntry entry, bool atValue, ImmutableDictionary<string, string?> properties, params object[] messageArgs)
        {
            var node = atValue ? Source.LocateSpan(entry.ValueStart, Math.Max(1, entry.ValueLength)) : Source.LocateSpan(entry.SegmentStart, Math.Max(1, entry.SegmentLength));
            ReportAt(rule, node, properties, messageArgs);
        }

        public void ReportAt(DiagnosticDescriptor rule, SyntaxNode node, ImmutableDictionary<string, string?> properties, params object[] messageArgs)
        {
            var diagnostic = Diagnostic.Create(rule, node.GetLocation(), properties, messageArgs);
            if (IsStandalone)
            {
                Pending.Add(diagnostic);
            }
            else if (_reported.TryAdd((node.SyntaxTree, node.Span), 0))
            {
                _context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>True when <paramref name="other"/> (another candidate provider) found the same places.</summary>
        public bool FoundSameAs(ConnectionStringContext other)
        {
            if (Pending.Count != other.Pending.Count)
            {
                return false;
            }

            for (var i = 0; i < Pending.Count; i++)
            {
                if (Pending[i].Location.SourceSpan != other.Pending[i].Location.SourceSpan)
                {
                    return false;
                }
            }

            return true;
        }

        public void ReportPending()
        {
            foreach (var diagnostic in Pending)
            {
                var location = diagnostic.Location;
                if (_reported.TryAdd((location.SourceTree!, location.SourceSpan), 0))
                {
                    _context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    /// <summary>What a rule sees of a typed builder setting.</summary>
    internal sealed class TypedSettingContext
    {
        private readonly OperationContext _context;
        private readonly ConcurrentDictionary<(SyntaxTree, TextSpan), byte> _reported;
        private readonly ConnectionStringAnalyzer _rule;

        public TypedSettingContext(OperationContext context, TypedSetting setting, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported, ConnectionStringAnalyzer rule)
        {
            _context = context;
            Setting = setting;
            _reported = reported;
            _rule = rule;
        }

        public TypedSetting Setting { get; }

        public CancellationToken CancellationToken => _context.CancellationToken;

        public void Report(DiagnosticDescriptor rule, ImmutableDictionary<string, string?> properties, params object[] messageArgs)
        {
            var node = Setting.Assignment.Syntax;
            if (!(_rule.SkipsLoopback(_context.Options, node.SyntaxTree) && IsLoopbackBuilder()) && _reported.TryAdd((node.SyntaxTree, node.Span), 0))
            {
                _context.ReportDiagnostic(Diagnostic.Create(rule, node.GetLocation(), properties, messageArgs));
            }
        }

        /// <summary>What <see cref="ReadLoopbackBuilder"/> found for an assignment, kept for every rule that reports it.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, object> LoopbackBuilders =
            new System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, object>();

        private static readonly object Loopback = new object();
        private static readonly object NotLoopback = new object();

        /// <summary>True when the builder the setting is made on names only loopback hosts (read once per assignment for all rules).</summary>
        private bool IsLoopbackBuilder()
        {
            if (!LoopbackBuilders.TryGetValue(Setting.Assignment, out var known))
            {
                known = LoopbackBuilders.GetValue(Setting.Assignment, _ => ReadLoopbackBuilder() ? Loopback : NotLoopback);
            }

            return known == Loopback;
        }

        private bool ReadLoopbackBuilder()
        {
            var assignment = Setting.Assignment;
            RequestModel? model;
            if (assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
            {
                model = RequestModel.FromCreation(creation, CancellationToken);
            }
            else if (assignment.Target is IPropertyReferenceOperation { Instance: { } instance })
            {
                model = RequestModel.Create(instance, CancellationToken);
            }
            else
            {
                model = null;
            }

            if (model is null)
            {
                return false;
            }

            foreach (var pair in model.Properties)
            {
                var setting = pair.Value;
                var name = setting.Property?.Name ?? pair.Key;
                if (string.Equals(name, "ConnectionString", StringComparison.OrdinalIgnoreCase)
                    && ValueResolver.TryResolveString(setting.Value, out var text, CancellationToken)
                    && ConnectionStringInfo.Parse(Setting.Provider, text.Value).IsLoopback)
                {
                    return true;
                }

                if ((name == "Host" || name == "DataSource" || name == "Server")
                    && ValueResolver.TryResolveString(setting.Value, out var host, CancellationToken)
                    && host.IsFullyKnown && LoopbackHosts.IsLoopbackHostList(host.Value))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>What a rule sees of a connection string in a configuration file.</summary>
    internal sealed class ConfigValueContext
    {
        private readonly AdditionalFileAnalysisContext _context;
        private readonly SourceText _text;

        public ConfigValueContext(AdditionalFileAnalysisContext context, SourceText text, ConfigConnectionString connectionString, System.Collections.Generic.IReadOnlyList<JsonStringValue> allValues, bool skipLoopback)
        {
            _context = context;
            _text = text;
            ConnectionString = connectionString;
            AllValues = allValues;
            SkipLoopback = skipLoopback;
        }

        public ConfigConnectionString ConnectionString { get; }

        public System.Collections.Generic.IReadOnlyList<JsonStringValue> AllValues { get; }

        public bool SkipLoopback { get; }

        public AdditionalText File => _context.AdditionalFile;

        public AnalyzerOptions Options => _context.Options;

        /// <summary>Reports at the JSON string token of the value.</summary>
        public void Report(DiagnosticDescriptor rule, params object[] messageArgs)
        {
            ReportAt(rule, ConnectionString.Value.Span, messageArgs);
        }

        public void ReportAt(DiagnosticDescriptor rule, TextSpan span, params object[] messageArgs)
        {
            var location = Location.Create(File.Path, span, _text.Lines.GetLinePositionSpan(span));
            _context.ReportDiagnostic(Diagnostic.Create(rule, location, messageArgs));
        }
    }
}
