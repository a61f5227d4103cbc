using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Base of the rules that check what an AWS request object (RDS, DynamoDB provisioning) ends up with. It resolves the
    /// request types once per compilation (and registers nothing when none is referenced), builds the
    /// <see cref="RequestModel"/> of every creation of one of them, and also looks at <c>request.Prop = value</c> written on a
    /// request that comes from elsewhere (a parameter, a factory), so a rule is one short check over the model.
    /// Names under <c>Amazon.CDK.</c> are a second source: AWS CDK v2 props interfaces, read where an Amazon.CDK.Lib
    /// constructor or method takes them (<see cref="RequestRuleContext.IsCdk"/> tells the rule which source it sees).
    /// </summary>
    public abstract class RequestRuleAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticDescriptor _rule;
        private readonly ImmutableArray<string> _requestTypeNames;

        private protected RequestRuleAnalyzer(DiagnosticDescriptor rule, params string[] requestTypeMetadataNames)
        {
            _rule = rule;
            _requestTypeNames = ImmutableArray.Create(requestTypeMetadataNames);
            SupportedDiagnostics = ImmutableArray.Create(rule);
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(OperationDispatch.GeneratedCodeAnalysis);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                var cdkBuilder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                bool? cdkReferenced = null;
                foreach (var name in _requestTypeNames)
                {
                    var isCdk = name.StartsWith(CdkTypes.NamespacePrefix, StringComparison.Ordinal);
                    if (isCdk && !(cdkReferenced ??= CdkTypes.IsReferenced(start.Compilation)))
                    {
                        continue; // no Amazon.CDK.Lib: its names are not even looked up
                    }

                    if (start.Compilation.GetTypeByMetadataName(name) is not { } type)
                    {
                        continue;
                    }

                    if (!isCdk)
                    {
                        builder.Add(type);
                    }
                    else if (type.ContainingAssembly?.Name == CdkTypes.AssemblyName)
                    {
                        cdkBuilder.Add(type);
                    }
                }

                if (builder.Count == 0 && cdkBuilder.Count == 0)
                {
                    return;
                }

                var knownTypes = new KnownTypes(start.Compilation);
                if (builder.Count > 0)
                {
                    // A plain set, only read after this point: it is asked about every object creation and assignment.
                    var requestTypes = new HashSet<INamedTypeSymbol>(builder, SymbolEqualityComparer.Default);
                    start.RegisterDispatchedOperationAction(c => AnalyzeCreation(c, requestTypes, knownTypes), OperationKind.ObjectCreation);
                    start.RegisterDispatchedOperationAction(c => AnalyzeAssignment(c, requestTypes, knownTypes), OperationKind.SimpleAssignment);
                }

                if (cdkBuilder.Count > 0)
                {
                    var cdk = new CdkSource(cdkBuilder.ToImmutable());
                    start.RegisterDispatchedOperationAction(c => AnalyzeCdk(c, cdk, knownTypes), OperationKind.ObjectCreation, OperationKind.Invocation);
                }
            });
        }

        /// <summary>The rule's check over one request.</summary>
        private protected abstract void Analyze(RequestRuleContext context);

        private void AnalyzeCreation(OperationContext context, HashSet<INamedTypeSymbol> requestTypes, KnownTypes knownTypes)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type || !requestTypes.Contains(type))
            {
                return;
            }

            var model = RequestModel.FromCreation(creation, context.CancellationToken);
            Analyze(new RequestRuleContext(context, _rule, type, model, creation, null, knownTypes));
        }

        /// <summary>
        /// The CDK source: a construct created (<c>new DatabaseInstance(this, "Db", props)</c>) or a CDK method called
        /// (<c>db.AddProxy("Proxy", options)</c>, <c>ClusterInstance.Provisioned("writer", props)</c>) with props of a type the
        /// rule reads. The props are modelled from their initializer, assignments to the props local in the same method and
        /// a helper that builds them; props the model cannot see (parameters, fields, library calls) make no finding.
        /// </summary>
        private void AnalyzeCdk(OperationContext context, CdkSource cdk, KnownTypes knownTypes)
        {
            IMethodSymbol? method;
            ImmutableArray<IArgumentOperation> arguments;
            switch (context.Operation)
            {
                case IObjectCreationOperation creation:
                    method = creation.Constructor;
                    arguments = creation.Arguments;
                    break;
                case IInvocationOperation invocation:
                    method = invocation.TargetMethod;
                    arguments = invocation.Arguments;
                    break;
                default:
                    return;
            }

            if (method is null || !cdk.IsCdkMember(method))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Type is not INamedTypeSymbol propsType || !cdk.PropsTypes.Contains(propsType))
                {
                    continue;
                }

                // Every assignment of the method counts, also those after the call: whether CDK still reads them is not
                // something the rules rely on, so a property set anywhere is not reported as missing.
                var model = RequestModel.CreateForWholeMethod(argument.Value, context.CancellationToken);
                if (model is null)
                {
                    continue; // a parameter, a field, a library call: nothing known
                }

                if ((model.Creation?.Type is { } created && !cdk.IsCdkType(created))
                    || (model.Creation != null && RequestModel.StoredInto(model.Creation) is IFieldSymbol)
                    || ValueResolver.Unwrap(argument.Value) is IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation)
                {
                    // A class of the user's implementing the props interface (its getters may return anything), or props
                    // kept in a field or handed in (other methods may set them): only explicit values count.
                    model = model.Overlay(null, complete: false);
                }

                if (context.Operation is IObjectCreationOperation construct)
                {
                    model = CdkSource.WithConstructAdjustments(model, construct, context.CancellationToken);
                }

                var subject = context.Operation is not IInvocationOperation ? method.ContainingType.Name
                    : method.Name == "AddProxy" ? "proxy (AddProxy)"
                    : method.ContainingType.Name == "ClusterInstance" ? "cluster instance (ClusterInstance." + method.Name + ")"
                    : method.ContainingType.Name + "." + method.Name;
                Analyze(new RequestRuleContext(context, _rule, propsType, model, model.Creation, null, knownTypes, subject));
            }
        }

        /// <summary>
        /// <c>request.Prop = value</c> on a request this method did not create (parameter, factory, field set elsewhere):
        /// only the settings written by this very assignment are checked, and nothing is reported as missing.
        /// </summary>
        private void AnalyzeAssignment(OperationContext context, HashSet<INamedTypeSymbol> requestTypes, KnownTypes knownTypes)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Parent is IObjectOrCollectionInitializerOperation || assignment.Target is not IPropertyReferenceOperation { Instance: { } instance })
            {
                return;
            }

            var root = ValueResolver.Unwrap(instance);
            while (root is IPropertyReferenceOperation { Instance: { } inner })
            {
                root = ValueResolver.Unwrap(inner);
            }

            if (root?.Type is not INamedTypeSymbol type || !requestTypes.Contains(type) || IsCreatedInThisMethod(root, context.CancellationToken))
            {
                return;
            }

            var model = RequestModel.CreateForWholeMethod(root, context.CancellationToken);
            if (model is null || (model.Creation != null && model.Creation.Syntax.SyntaxTree == assignment.Syntax.SyntaxTree
                && SameMethod(model.Creation.Syntax, assignment.Syntax)))
            {
                return;
            }

            Analyze(new RequestRuleContext(context, _rule, type, model, null, assignment.Syntax, knownTypes));
        }

        /// <summary>
        /// The request is created in this method (a local initialised with <c>new</c>, or any variable assigned a <c>new</c>
        /// here): the creation itself is analysed, with this assignment in its model.
        /// </summary>
        private static bool IsCreatedInThisMethod(IOperation root, CancellationToken cancellationToken)
        {
            ISymbol symbol;
            switch (root)
            {
                case ILocalReferenceOperation local:
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax declarator
                            && (declarator.Initializer is null || declarator.Initializer.Value is BaseObjectCreationExpressionSyntax))
                        {
                            return true;
                        }
                    }

                    symbol = local.Local;
                    break;
                case IParameterReferenceOperation parameter:
                    symbol = parameter.Parameter;
                    break;
                case IFieldReferenceOperation field:
                    symbol = field.Field;
                    break;
                default:
                    return true; // a property of another object, an invocation result: not a request this rule can follow
            }

            foreach (var reference in OperationIndex.Of(root).ReferencesTo(symbol))
            {
                var target = reference;
                while (target.Parent is IConversionOperation || target.Parent is IParenthesizedOperation)
                {
                    target = target.Parent;
                }

                if (target.Parent is ISimpleAssignmentOperation assignment && assignment.Target == target
                    && ValueResolver.Unwrap(assignment.Value) is IObjectCreationOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SameMethod(SyntaxNode a, SyntaxNode b)
        {
            return a.FirstAncestorOrSelf<MemberDeclarationSyntax>() == b.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        }
    }

    /// <summary>One request seen by a rule: its type, its model, and how to report on it (with what the shared fixer needs).</summary>
    internal sealed class RequestRuleContext
    {
        private readonly OperationContext _context;
        private readonly DiagnosticDescriptor _rule;
        private readonly SyntaxNode? _scope;

        public RequestRuleContext(OperationContext context, DiagnosticDescriptor rule, INamedTypeSymbol requestType, RequestModel model,
            IObjectCreationOperation? creation, SyntaxNode? scope, KnownTypes knownTypes, string? cdkSubject = null)
        {
            _context = context;
            _rule = rule;
            _scope = scope;
            RequestType = requestType;
            Model = model;
            Creation = creation;
            KnownTypes = knownTypes;
            CdkSubject = cdkSubject;
        }

        /// <summary>The request type; for a CDK source, the props interface the construct or method takes (<c>IDatabaseInstanceProps</c>).</summary>
        public INamedTypeSymbol RequestType { get; }

        /// <summary>The request type's simple name ("CreateDBInstanceRequest"; for CDK props "IDatabaseInstanceProps").</summary>
        public string TypeName => RequestType.Name;

        /// <summary>True for props of an AWS CDK v2 construct, false for an AWS SDK request.</summary>
        public bool IsCdk => CdkSubject != null;

        /// <summary>True for the props of a CDK L1 (CloudFormation) construct: <c>CfnDBInstance</c>, <c>CfnTable</c>, ….</summary>
        public bool IsCdkL1 => IsCdk && CdkTypes.IsL1(RequestType);

        /// <summary>For a CDK source, what the props configure, for messages: "DatabaseInstance", "CfnTable", "AddProxy", "ClusterInstance.Provisioned".</summary>
        public string? CdkSubject { get; }

        /// <summary>What a message calls the object: the CDK construct (or call), else the request type.</summary>
        public string Subject => CdkSubject ?? TypeName;

        public RequestModel Model { get; }

        /// <summary>The creation being analysed; null when only an assignment on a request from elsewhere is checked.</summary>
        public IObjectCreationOperation? Creation { get; }

        public KnownTypes KnownTypes { get; }

        public CancellationToken CancellationToken => _context.CancellationToken;

        public AnalyzerOptions Options => _context.Options;

        public SyntaxTree Tree => _context.Operation.Syntax.SyntaxTree;

        /// <summary>True when a property the code never sets can be reported: the whole life of the object is in sight.</summary>
        public bool CanReportMissing => Creation != null && Model.IsComplete;

        public bool IsBool(string path, bool expected) => Model.IsBool(path, expected, CancellationToken);

        /// <summary>The property is set to the bool <paramref name="bad"/>: the setting, to report at.</summary>
        public bool IsSetTo(string path, bool bad, out PropertySetting setting)
        {
            return Model.TryGetBool(path, out var value, out setting, CancellationToken) && value == bad;
        }

        /// <summary>Reports at a setting (or a node inside it); the fix replaces its value with <paramref name="fixValue"/>.</summary>
        public void ReportSetting(PropertySetting setting, string? fixValue, params object[] messageArgs)
        {
            ReportSetting(setting, setting.Syntax, fixValue is null ? null : RequestFix.ReplaceValue(setting.Property?.Name, fixValue), messageArgs);
        }

        public void ReportSetting(PropertySetting setting, SyntaxNode at, ImmutableDictionary<string, string?>? fix, params object[] messageArgs)
        {
            if (setting.Syntax.SyntaxTree != Tree || (_scope != null && setting.Syntax != _scope))
            {
                return;
            }

            var additional = fix is null ? null : new[] { setting.Syntax.GetLocation() };
            _context.ReportDiagnostic(Diagnostic.Create(_rule, at.GetLocation(), additional, fix, messageArgs));
        }

        /// <summary>
        /// Reports at <paramref name="at"/> (a setting whose effect depends on a property the code leaves out, such as public
        /// subnets without <c>PubliclyAccessible = false</c>); the fix adds <c>property = fixValue</c> to the object initializer.
        /// Nothing is reported when the object escapes (another method may set the property).
        /// </summary>
        public void ReportUnlessAdded(SyntaxNode at, string property, string fixValue, params object[] messageArgs)
        {
            if (!CanReportMissing || Creation is null || at.SyntaxTree != Tree)
            {
                return;
            }

            var fix = RequestFix.AddToCreation(property, fixValue);
            _context.ReportDiagnostic(Diagnostic.Create(_rule, at.GetLocation(), new[] { Creation.Syntax.GetLocation() }, fix, messageArgs));
        }

        /// <summary>
        /// Reports a property the request never sets, at <c>new TypeName</c>; the fix adds <c>property = fixValue</c> to the
        /// object initializer. Nothing is reported when the object escapes (another method may set it).
        /// </summary>
        public void ReportMissing(string property, string? fixValue, params object[] messageArgs)
        {
            if (!CanReportMissing || Creation is null)
            {
                return;
            }

            var syntax = Creation.Syntax;
            var end = syntax switch
            {
                ObjectCreationExpressionSyntax explicitNew => explicitNew.Type.Span.End,
                ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.NewKeyword.Span.End,
                _ => syntax.Span.End,
            };
            var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
            var fix = fixValue is null ? null : RequestFix.AddToCreation(property, fixValue);
            var additional = fix is null ? null : new[] { syntax.GetLocation() };
            _context.ReportDiagnostic(Diagnostic.Create(_rule, location, additional, fix, messageArgs));
        }
    }

    /// <summary>What a request rule tells the shared fixer: which property to set to which C# expression, and how.</summary>
    internal static class RequestFix
    {
        public const string KindKey = "RequestFixKind";
        public const string PropertyKey = "RequestFixProperty";
        public const string ValueKey = "RequestFixValue";

        /// <summary>Replace the value of the setting at the additional location.</summary>
        public const string ReplaceValueKind = "ReplaceValue";

        /// <summary>Replace the whole setting at the additional location with a setting of another property.</summary>
        public const string ReplaceSettingKind = "ReplaceSetting";

        /// <summary>Add the property to the initializer of the creation at the additional location.</summary>
        public const string AddToCreationKind = "AddToCreation";

        public static ImmutableDictionary<string, string?> ReplaceValue(string? property, string value) => Create(ReplaceValueKind, property, value);

        public static ImmutableDictionary<string, string?> ReplaceSetting(string property, string value) => Create(ReplaceSettingKind, property, value);

        public static ImmutableDictionary<string, string?> AddToCreation(string property, string value) => Create(AddToCreationKind, property, value);

        private static ImmutableDictionary<string, string?> Create(string kind, string? property, string value)
        {
            return ImmutableDictionary<string, string?>.Empty
                .Add(KindKey, kind)
                .Add(PropertyKey, property)
                .Add(ValueKey, value);
        }
    }
}
