using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>One property of a request object as the code leaves it: the value assigned last and where.</summary>
    internal readonly struct PropertySetting
    {
        public PropertySetting(IPropertySymbol? property, IOperation value, SyntaxNode syntax)
        {
            Property = property;
            Value = value;
            Syntax = syntax;
        }

        /// <summary>The property; null when the value came from a constructor argument with no matching property.</summary>
        public IPropertySymbol? Property { get; }

        /// <summary>
        /// The assigned value (constructor argument, initializer member or later assignment); for a compound write
        /// (<c>+=</c>, <c>??=</c>, <c>++</c>) the write itself, which resolves to no constant.
        /// </summary>
        public IOperation Value { get; }

        /// <summary>The assignment (or argument) that sets it: where a rule reports "set to false".</summary>
        public SyntaxNode Syntax { get; }
    }

    /// <summary>
    /// The effective properties of a request object (an AWS SDK request, a config, a builder) at the point it is used:
    /// constructor arguments, the object initializer, and later <c>x.Prop = value</c> assignments in the same method
    /// before the use. Followed through a local, a field, or a method of the compilation that returns the object.
    /// Rules then ask one-line questions such as "is StorageEncrypted set to true?".
    /// Nested request objects are part of the model under dotted paths: <c>PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled</c>
    /// is set by a nested creation, a nested member initializer (<c>Spec = { Enabled = true }</c>), a local holding the nested
    /// object, or a later <c>x.Spec.Enabled = v</c>. Replacing the outer property forgets what was known about its members.
    /// </summary>
    internal sealed class RequestModel
    {
        private const int MaxDepth = 4;

        private RequestModel(IObjectCreationOperation? creation, ImmutableDictionary<string, PropertySetting> properties, bool isComplete)
        {
            Creation = creation;
            Properties = properties;
            IsComplete = isComplete;
        }

        /// <summary>The <c>new T(...)</c> that made the object, when it was found.</summary>
        public IObjectCreationOperation? Creation { get; }

        /// <summary>Property name → last setting (ordinal, as the property is named).</summary>
        public ImmutableDictionary<string, PropertySetting> Properties { get; }

        /// <summary>
        /// False when the object escapes somewhere the model cannot see (passed by ref, handed to another method before use,
        /// returned from a method outside the compilation): a rule that reports a missing setting must then stay silent.
        /// </summary>
        public bool IsComplete { get; }

        public bool TryGet(string propertyName, out PropertySetting setting) => Properties.TryGetValue(propertyName, out setting);

        public bool IsSet(string propertyName) => Properties.ContainsKey(propertyName);

        /// <summary>True when the property is set to a compile-time bool equal to <paramref name="expected"/>.</summary>
        public bool IsBool(string propertyName, bool expected, CancellationToken cancellationToken = default)
        {
            return TryGetBool(propertyName, out var value, out _, cancellationToken) && value == expected;
        }

        /// <summary>The compile-time bool a property (or dotted path) is set to, whether it is typed <c>bool</c> (SDK v3) or <c>bool?</c> (v4).</summary>
        public bool TryGetBool(string propertyName, out bool value, out PropertySetting setting, CancellationToken cancellationToken = default)
        {
            value = false;
            return TryGet(propertyName, out setting) && ValueResolver.TryResolveBool(setting.Value, out value, out _, cancellationToken);
        }

        /// <summary>The string a property (or dotted path) is set to, when every part of it is known at compile time.</summary>
        public bool TryGetString(string propertyName, out string value, out PropertySetting setting, CancellationToken cancellationToken = default)
        {
            value = string.Empty;
            if (TryGet(propertyName, out setting) && ValueResolver.TryResolveString(setting.Value, out var resolved, cancellationToken) && resolved.IsFullyKnown)
            {
                value = resolved.Value;
                return true;
            }

            return false;
        }

        /// <summary>The compile-time int a property (or dotted path) is set to, whether it is typed <c>int</c> (SDK v3) or <c>int?</c> (v4).</summary>
        public bool TryGetInt(string propertyName, out int value, out PropertySetting setting, CancellationToken cancellationToken = default)
        {
            value = 0;
            return TryGet(propertyName, out setting) && ValueResolver.TryResolveInt(setting.Value, out value, out _, cancellationToken);
        }

        /// <summary>
        /// This model with the settings of <paramref name="later"/> written over it (properties set after these, such as an L1
        /// construct's own properties over its props), keeping this creation; complete only when <paramref name="complete"/>.
        /// </summary>
        public RequestModel Overlay(RequestModel? later, bool complete)
        {
            var properties = Properties;
            if (later != null)
            {
                var builder = properties.ToBuilder();
                foreach (var pair in later.Properties)
                {
                    if (pair.Value.Property != null)
                    {
                        builder[pair.Key] = pair.Value;
                    }
                }

                properties = builder.ToImmutable();
            }

            return new RequestModel(Creation, properties, complete);
        }

        /// <summary>The model of the object <paramref name="expression"/> evaluates to, or null when it cannot be traced.</summary>
        public static RequestModel? Create(IOperation? expression, CancellationToken cancellationToken = default)
        {
            return Create(expression, expression?.Syntax.SpanStart ?? 0, 0, cancellationToken);
        }

        /// <summary>
        /// The model of the object <paramref name="expression"/> refers to with every assignment of the enclosing method,
        /// wherever it is: what a property ends up as once the method has run.
        /// </summary>
        public static RequestModel? CreateForWholeMethod(IOperation? expression, CancellationToken cancellationToken = default)
        {
            return Create(expression, int.MaxValue, 0, cancellationToken);
        }

        /// <summary>
        /// The model of an object creation itself, including later assignments through the local it is stored in.
        /// Incomplete when the object leaves the method's sight: stored in a field or another object, returned, or handed to
        /// a method of the compilation (which may set properties). Handing it to a library method (sending it) is a use.
        /// </summary>
        public static RequestModel FromCreation(IObjectCreationOperation creation, CancellationToken cancellationToken = default)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, PropertySetting>(StringComparer.Ordinal);
            AddCreation(creation, builder, 0, cancellationToken);
            var complete = true;
            var target = StoredInto(creation);
            if (target != null)
            {
                complete = AddLaterAssignments(creation, target, int.MaxValue, builder, 0, cancellationToken) && target.Kind == SymbolKind.Local;
            }
            else if (Escapes(creation))
            {
                complete = false;
            }

            return new RequestModel(creation, builder.ToImmutable(), complete);
        }

        private static RequestModel? Create(IOperation? expression, int usePosition, int depth, CancellationToken cancellationToken)
        {
            var operation = ValueResolver.Unwrap(expression);
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            switch (operation)
            {
                case IObjectCreationOperation creation:
                    {
                        var builder = ImmutableDictionary.CreateBuilder<string, PropertySetting>(StringComparer.Ordinal);
                        AddCreation(creation, builder, depth, cancellationToken);
                        return new RequestModel(creation, builder.ToImmutable(), isComplete: true);
                    }

                case ILocalReferenceOperation local:
                    return FromSymbol(operation, local.Local, usePosition, depth, cancellationToken);

                case IFieldReferenceOperation field:
                    return FromSymbol(operation, field.Field, usePosition, depth, cancellationToken);

                case IParameterReferenceOperation parameter:
                    return FromSymbol(operation, parameter.Parameter, usePosition, depth, cancellationToken);

                case IInvocationOperation invocation when invocation.TargetMethod.DeclaringSyntaxReferences.Length > 0:
                    return FromHelperMethod(operation, invocation.TargetMethod, depth, cancellationToken);

                default:
                    return null;
            }
        }

        private static RequestModel? FromSymbol(IOperation use, ISymbol symbol, int usePosition, int depth, CancellationToken cancellationToken)
        {
            IOperation? initializer = null;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } init } && init.SyntaxTree == use.SemanticModel?.SyntaxTree)
                {
                    initializer = use.SemanticModel!.GetOperation(init.Value, cancellationToken);
                }
            }

            var inner = Create(initializer, usePosition, depth + 1, cancellationToken);
            var builder = ImmutableDictionary.CreateBuilder<string, PropertySetting>(StringComparer.Ordinal);
            if (inner != null)
            {
                builder.AddRange(inner.Properties);
            }

            var complete = AddLaterAssignments(use, symbol, usePosition, builder, depth, cancellationToken);
            if (inner is null && builder.Count == 0)
            {
                return null;
            }

            return new RequestModel(inner?.Creation, builder.ToImmutable(), complete && inner != null && inner.IsComplete);
        }

        private static RequestModel? FromHelperMethod(IOperation use, IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            var model = use.SemanticModel;
            if (model is null)
            {
                return null;
            }

            RequestModel? found = null;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (syntax.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                var body = model.GetOperation(syntax, cancellationToken);
                if (body is null)
                {
                    continue;
                }

                foreach (var ret in body.Descendants().OfType<IReturnOperation>())
                {
                    if (ret.ReturnedValue is null)
                    {
                        continue;
                    }

                    var candidate = Create(ret.ReturnedValue, ret.Syntax.SpanStart, depth + 1, cancellationToken);
                    if (candidate is null || found != null)
                    {
                        return null; // several return paths: not one request
                    }

                    found = candidate;
                }

                if (syntax is MethodDeclarationSyntax { ExpressionBody: { } arrow })
                {
                    found ??= Create(model.GetOperation(arrow.Expression, cancellationToken), arrow.Expression.SpanStart, depth + 1, cancellationToken);
                }
            }

            return found;
        }

        private static void AddCreation(IObjectCreationOperation creation, ImmutableDictionary<string, PropertySetting>.Builder builder, int depth, CancellationToken cancellationToken)
        {
            var type = creation.Type as INamedTypeSymbol;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var property = FindProperty(type, argument.Parameter.Name);
                var name = property?.Name ?? argument.Parameter.Name;
                Set(builder, string.Empty, name, new PropertySetting(property, argument.Value, argument.Syntax), depth, cancellationToken);
            }

            if (creation.Initializer != null)
            {
                AddInitializer(creation.Initializer, builder, string.Empty, depth, cancellationToken);
            }
        }

        private static void AddInitializer(IObjectOrCollectionInitializerOperation initializer, ImmutableDictionary<string, PropertySetting>.Builder builder, string prefix, int depth, CancellationToken cancellationToken)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    Set(builder, prefix, property.Property.Name, new PropertySetting(property.Property, assignment.Value, assignment.Syntax), depth, cancellationToken);
                }
                else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested } memberInitializer)
                {
                    Set(builder, prefix, nested.Property.Name, new PropertySetting(nested.Property, memberInitializer.Initializer, memberInitializer.Syntax), depth, cancellationToken);
                }
            }
        }

        /// <summary>
        /// Records <paramref name="name"/> under <paramref name="prefix"/>; forgets what was known of the members of its old
        /// value; when the new value is an object the model can see (creation, nested initializer, local holding one), adds its
        /// members under the dotted path.
        /// </summary>
        private static void Set(ImmutableDictionary<string, PropertySetting>.Builder builder, string prefix, string name, PropertySetting setting, int depth, CancellationToken cancellationToken)
        {
            var path = prefix + name;
            var nestedPrefix = path + ".";
            List<string>? stale = null;
            if (builder.Count > 0)
            {
                // The builder's own struct enumerator: its Keys property is an iterator, allocated and slower.
                foreach (var pair in builder)
                {
                    if (pair.Key.StartsWith(nestedPrefix, StringComparison.Ordinal))
                    {
                        (stale ??= new List<string>()).Add(pair.Key);
                    }
                }
            }

            if (stale != null)
            {
                builder.RemoveRange(stale);
            }

            builder[path] = setting;
            // Interface-typed properties too: CDK props nest by interface (IBackupProps Backup, ISubnetSelection VpcSubnets).
            if (depth >= MaxDepth || setting.Property?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface } nestedType
                || nestedType.SpecialType == SpecialType.System_String)
            {
                return;
            }

            if (setting.Value is IObjectOrCollectionInitializerOperation nestedInitializer)
            {
                AddInitializer(nestedInitializer, builder, nestedPrefix, depth + 1, cancellationToken);
                return;
            }

            var nested = Create(setting.Value, setting.Value.Syntax.SpanStart, depth + 1, cancellationToken);
            if (nested != null)
            {
                foreach (var pair in nested.Properties)
                {
                    builder[nestedPrefix + pair.Key] = pair.Value;
                }
            }
        }

        private static IPropertySymbol? FindProperty(INamedTypeSymbol? type, string parameterName)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol property && string.Equals(property.Name, parameterName, StringComparison.OrdinalIgnoreCase))
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        /// <summary>The local or field a creation is stored into (<c>var r = new …</c> or <c>_r = new …</c>).</summary>
        internal static ISymbol? StoredInto(IOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length == 1:
                    return fieldInitializer.InitializedFields[0];
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local }:
                    return local.Local;
                case ISimpleAssignmentOperation { Target: IFieldReferenceOperation field }:
                    return field.Field;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Adds <c>symbol.Prop = value</c> (and <c>symbol.Nested.Prop = value</c>) assignments made in the method that contains
        /// <paramref name="use"/>, before <paramref name="usePosition"/>. Returns false when the object escapes before that
        /// point (ref/out, stored elsewhere, returned, handed to a method of the compilation) so the picture may be incomplete.
        /// </summary>
        private static bool AddLaterAssignments(IOperation use, ISymbol symbol, int usePosition, ImmutableDictionary<string, PropertySetting>.Builder builder, int depth, CancellationToken cancellationToken)
        {
            var index = OperationIndex.Of(use);
            var complete = true;
            var assignments = new List<(int Position, string Prefix, IPropertySymbol Property, IOperation Value, SyntaxNode Syntax)>();
            foreach (var operation in index.WritesThrough(symbol))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation.Syntax.SpanStart < usePosition
                    && TryGetWrittenProperty(operation, out var property, out var instance, out var value)
                    && TryGetPathFrom(instance, symbol, out var prefix))
                {
                    assignments.Add((operation.Syntax.SpanStart, prefix, property, value, operation.Syntax));
                }
            }

            foreach (var operation in index.ReferencesTo(symbol))
            {
                if (operation.Syntax.SpanStart < usePosition && Escapes(operation))
                {
                    complete = false;
                    break;
                }
            }

            foreach (var (_, prefix, property, value, syntax) in assignments.OrderBy(a => a.Position))
            {
                Set(builder, prefix, property.Name, new PropertySetting(property, value, syntax), depth, cancellationToken);
            }

            return complete;
        }

        /// <summary>
        /// <c>x.P = v</c> (value <c>v</c>); <c>x.P += v</c>, <c>x.P ??= v</c>, <c>x.P++</c> (value: the operation itself, which
        /// resolves to nothing, so the property counts as set to an unknown value).
        /// </summary>
        private static bool TryGetWrittenProperty(IOperation operation, out IPropertySymbol property, out IOperation instance, out IOperation value)
        {
            property = null!;
            instance = null!;
            value = operation;
            IOperation target;
            switch (operation)
            {
                case ISimpleAssignmentOperation simple:
                    target = simple.Target;
                    value = simple.Value;
                    break;
                case IAssignmentOperation other:
                    target = other.Target;
                    break;
                case IIncrementOrDecrementOperation step:
                    target = step.Target;
                    break;
                default:
                    return false;
            }

            if (target is IPropertyReferenceOperation { Instance: { } receiver } reference)
            {
                property = reference.Property;
                instance = receiver;
                return true;
            }

            return false;
        }

        /// <summary><c>symbol</c> → "", <c>symbol.A</c> → "A.", <c>symbol.A.B</c> → "A.B.".</summary>
        private static bool TryGetPathFrom(IOperation instance, ISymbol symbol, out string prefix)
        {
            prefix = string.Empty;
            var current = ValueResolver.Unwrap(instance);
            while (current is IPropertyReferenceOperation { Instance: { } inner } nested)
            {
                prefix = nested.Property.Name + "." + prefix;
                current = ValueResolver.Unwrap(inner);
            }

            return current != null && ReferencesSymbol(current, symbol);
        }

        /// <summary>
        /// True when the value of <paramref name="reference"/> (a reference to the object or its creation) leaves the method's
        /// sight: passed by ref/out or to a method declared in the compilation, stored into something, or returned.
        /// </summary>
        private static bool Escapes(IOperation reference)
        {
            var parent = reference.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation { Parameter: { } parameter }:
                    return parameter.RefKind == RefKind.Ref || parameter.RefKind == RefKind.Out
                        || parameter.ContainingSymbol.DeclaringSyntaxReferences.Length > 0;
                case ISimpleAssignmentOperation assignment:
                    return assignment.Value == reference || ValueResolver.Unwrap(assignment.Value) == reference;
                case IReturnOperation _:
                case IVariableInitializerOperation _:
                case IArrayInitializerOperation _:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True when <paramref name="operation"/> reads the local, parameter or field <paramref name="symbol"/>.</summary>
        internal static bool ReferencesSymbol(IOperation operation, ISymbol symbol)
        {
            switch (ValueResolver.Unwrap(operation))
            {
                case ILocalReferenceOperation local:
                    return SymbolEqualityComparer.Default.Equals(local.Local, symbol);
                case IFieldReferenceOperation field:
                    return SymbolEqualityComparer.Default.Equals(field.Field, symbol);
                case IParameterReferenceOperation parameter:
                    return SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol);
                default:
                    return false;
            }
        }
    }
}
