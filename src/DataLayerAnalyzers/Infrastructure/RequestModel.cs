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

        /// <summary>The assigned value (constructor argument, initializer member or later assignment).</summary>
        public IOperation Value { get; }

        /// <summary>The assignment (or argument) that sets it: where a rule reports "set to false".</summary>
        public SyntaxNode Syntax { get; }
    }

    /// <summary>
    /// The effective properties of a request object (an AWS SDK request, a config, a builder) at the point it is used:
    /// constructor arguments, the object initializer, and later <c>x.Prop = value</c> assignments in the same method
    /// before the use. Followed through a local, a field, or a method of the compilation that returns the object.
    /// Rules then ask one-line questions such as "is StorageEncrypted set to true?".
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
            return TryGet(propertyName, out var setting)
                && ValueResolver.TryResolveBool(setting.Value, out var value, out _, cancellationToken)
                && value == expected;
        }

        /// <summary>The model of the object <paramref name="expression"/> evaluates to, or null when it cannot be traced.</summary>
        public static RequestModel? Create(IOperation? expression, CancellationToken cancellationToken = default)
        {
            return Create(expression, expression?.Syntax.SpanStart ?? 0, 0, cancellationToken);
        }

        /// <summary>The model of an object creation itself, including later assignments through the variable it is stored in.</summary>
        public static RequestModel FromCreation(IObjectCreationOperation creation, CancellationToken cancellationToken = default)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, PropertySetting>(StringComparer.Ordinal);
            AddCreation(creation, builder);
            var complete = true;
            var target = StoredInto(creation);
            if (target != null)
            {
                complete = AddLaterAssignments(creation, target, int.MaxValue, builder, cancellationToken);
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
                        AddCreation(creation, builder);
                        return new RequestModel(creation, builder.ToImmutable(), isComplete: true);
                    }

                case ILocalReferenceOperation local:
                    return FromSymbol(operation, local.Local, usePosition, depth, cancellationToken);

                case IFieldReferenceOperation field:
                    return FromSymbol(operation, field.Field, usePosition, depth, cancellationToken);

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

            var complete = AddLaterAssignments(use, symbol, usePosition, builder, cancellationToken);
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

        private static void AddCreation(IObjectCreationOperation creation, ImmutableDictionary<string, PropertySetting>.Builder builder)
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
                builder[name] = new PropertySetting(property, argument.Value, argument.Syntax);
            }

            if (creation.Initializer is null)
            {
                return;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    builder[property.Property.Name] = new PropertySetting(property.Property, assignment.Value, assignment.Syntax);
                }
                else if (initializer is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested } member)
                {
                    builder[nested.Property.Name] = new PropertySetting(nested.Property, member.Initializer, member.Syntax);
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
        private static ISymbol? StoredInto(IOperation creation)
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
        /// Adds <c>symbol.Prop = value</c> assignments made in the method that contains <paramref name="use"/>, before
        /// <paramref name="usePosition"/>. Returns false when the object escapes (ref/out) so the picture may be incomplete.
        /// </summary>
        private static bool AddLaterAssignments(IOperation use, ISymbol symbol, int usePosition, ImmutableDictionary<string, PropertySetting>.Builder builder, CancellationToken cancellationToken)
        {
            var root = use;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            var complete = true;
            var assignments = new List<(int Position, IPropertySymbol Property, ISimpleAssignmentOperation Assignment)>();
            foreach (var operation in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } property } assignment
                    && ReferencesSymbol(instance, symbol)
                    && assignment.Syntax.SpanStart < usePosition)
                {
                    assignments.Add((assignment.Syntax.SpanStart, property.Property, assignment));
                }
                else if (operation is IArgumentOperation { Parameter: { RefKind: RefKind.Ref or RefKind.Out } } argument && ReferencesSymbol(argument.Value, symbol))
                {
                    complete = false;
                }
            }

            foreach (var (_, property, assignment) in assignments.OrderBy(a => a.Position))
            {
                builder[property.Name] = new PropertySetting(property, assignment.Value, assignment.Syntax);
            }

            return complete;
        }

        private static bool ReferencesSymbol(IOperation operation, ISymbol symbol)
        {
            switch (ValueResolver.Unwrap(operation))
            {
                case ILocalReferenceOperation local:
                    return SymbolEqualityComparer.Default.Equals(local.Local, symbol);
                case IFieldReferenceOperation field:
                    return SymbolEqualityComparer.Default.Equals(field.Field, symbol);
                default:
                    return false;
            }
        }
    }
}
