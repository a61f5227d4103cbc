using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// What value does an expression carry at compile time? Follows literals, <c>const</c> and <c>static readonly</c>
    /// fields, readonly instance fields and get-only auto-properties written once (initializer or constructor), locals assigned once, concatenation, interpolation (the constant parts) and <c>nameof</c>.
    /// Anything else (parameters, configuration, environment, method calls) is unknown.
    /// </summary>
    internal static class ValueResolver
    {
        private const int MaxDepth = 12;

        private static readonly ConditionalWeakTable<SyntaxNode, Dictionary<string, List<IdentifierNameSyntax>>> Writes = new ConditionalWeakTable<SyntaxNode, Dictionary<string, List<IdentifierNameSyntax>>>();

        /// <summary>Resolves a string-valued expression. False when nothing about it is known.</summary>
        public static bool TryResolveString(IOperation? operation, out ResolvedString value, CancellationToken cancellationToken = default)
        {
            value = null!;
            if (operation is null)
            {
                return false;
            }

            var pieces = ImmutableArray.CreateBuilder<StringPiece>();
            Collect(operation, pieces, 0, cancellationToken);
            if (!pieces.Any(p => p.IsKnown))
            {
                return false;
            }

            value = new ResolvedString(pieces.ToImmutable(), operation.Syntax);
            return true;
        }

        /// <summary>
        /// Resolves a constant of any type (bool, int, enum member, string) and tells where it is written.
        /// Enum values come back as their underlying number; use <see cref="TryResolveEnumMember"/> for names.
        /// </summary>
        public static bool TryResolveConstant(IOperation? operation, out object? value, out SyntaxNode writtenAt, CancellationToken cancellationToken = default)
        {
            return TryResolveConstant(operation, 0, out value, out writtenAt, cancellationToken);
        }

        /// <summary>Resolves an enum-typed expression to the name of the member it equals.</summary>
        public static bool TryResolveEnumMember(IOperation? operation, out string memberName, out SyntaxNode writtenAt, CancellationToken cancellationToken = default)
        {
            memberName = string.Empty;
            writtenAt = null!;
            var type = Unwrap(operation)?.Type;
            if (!TryResolveConstant(operation, out var value, out writtenAt, cancellationToken) || value is null)
            {
                return false;
            }

            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                foreach (var member in enumType.GetMembers().OfType<IFieldSymbol>())
                {
                    if (member.HasConstantValue && Equals(Convert.ToInt64(member.ConstantValue, CultureInfo.InvariantCulture), Convert.ToInt64(value, CultureInfo.InvariantCulture)))
                    {
                        memberName = member.Name;
                        return true;
                    }
                }
            }

            return false;
        }

        public static bool TryResolveBool(IOperation? operation, out bool value, out SyntaxNode writtenAt, CancellationToken cancellationToken = default)
        {
            value = false;
            if (TryResolveConstant(operation, out var constant, out writtenAt, cancellationToken) && constant is bool b)
            {
                value = b;
                return true;
            }

            return false;
        }

        public static bool TryResolveInt(IOperation? operation, out int value, out SyntaxNode writtenAt, CancellationToken cancellationToken = default)
        {
            value = 0;
            if (TryResolveConstant(operation, out var constant, out writtenAt, cancellationToken) && constant is int i)
            {
                value = i;
                return true;
            }

            return false;
        }

        /// <summary>
        /// The expression a value comes from: through implicit conversions, constants, static readonly fields and locals
        /// assigned once (<c>var retention = Duration.Days(0); … BackupRetention = retention</c> → the <c>Duration.Days(0)</c> call).
        /// </summary>
        public static IOperation? Follow(IOperation? operation, CancellationToken cancellationToken = default)
        {
            var current = Unwrap(operation);
            for (var depth = 0; current != null && depth < MaxDepth && TryFollowSymbol(current, depth, cancellationToken, out var next); depth++)
            {
                current = Unwrap(next);
            }

            return current;
        }

        /// <summary>Strips implicit conversions, parentheses and nullable wrapping that do not change the value.</summary>
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.Operand != null && (conversion.IsImplicit || conversion.Conversion.IsNullable || conversion.Conversion.IsIdentity):
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private static bool TryResolveConstant(IOperation? operation, int depth, out object? value, out SyntaxNode writtenAt, CancellationToken cancellationToken)
        {
            value = null;
            writtenAt = null!;
            var unwrapped = Unwrap(operation);
            if (unwrapped is null || depth > MaxDepth)
            {
                return false;
            }

            if (TryFollowSymbol(unwrapped, depth, cancellationToken, out var initializer))
            {
                return TryResolveConstant(initializer, depth + 1, out value, out writtenAt, cancellationToken);
            }

            if (unwrapped.ConstantValue.HasValue)
            {
                value = unwrapped.ConstantValue.Value;
                writtenAt = unwrapped.Syntax;
                return true;
            }

            return false;
        }

        private static void Collect(IOperation operation, ImmutableArray<StringPiece>.Builder pieces, int depth, CancellationToken cancellationToken)
        {
            var unwrapped = Unwrap(operation);
            if (unwrapped is null || depth > MaxDepth)
            {
                AddUnknown(pieces);
                return;
            }

            if (TryFollowSymbol(unwrapped, depth, cancellationToken, out var initializer))
            {
                Collect(initializer, pieces, depth + 1, cancellationToken);
                return;
            }

            switch (unwrapped)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    CollectConcatenation(binary, pieces, depth, cancellationToken);
                    return;

                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string s)
                        {
                            // The text operation's constant has its escapes ({{, }}, \n) already decoded.
                            pieces.Add(new StringPiece(s, text.Syntax, isKnown: true));
                        }
                        else if (part is IInterpolationOperation hole && hole.Alignment is null && hole.FormatString is null)
                        {
                            Collect(hole.Expression, pieces, depth + 1, cancellationToken);
                        }
                        else
                        {
                            AddUnknown(pieces);
                        }
                    }

                    return;
            }

            if (unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is object constant)
            {
                var text = constant is string str ? str : Convert.ToString(constant, CultureInfo.InvariantCulture) ?? string.Empty;
                pieces.Add(new StringPiece(text, unwrapped.Syntax, isKnown: true));
                return;
            }

            AddUnknown(pieces);
        }

        private const int MaxConcatenationOperands = 512;

        /// <summary>
        /// <c>a + b + c + …</c> is a left-deep tree: its operands are gathered along the left spine in a loop, so a long
        /// chain (a connection string built from a dozen parts) keeps its leftmost parts instead of spending the depth
        /// budget on them. Each operand is still resolved with <paramref name="depth"/> + 1.
        /// </summary>
        private static void CollectConcatenation(IBinaryOperation top, ImmutableArray<StringPiece>.Builder pieces, int depth, CancellationToken cancellationToken)
        {
            var rightOperands = new System.Collections.Generic.List<IOperation>();
            IOperation current = top;
            while (Unwrap(current) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String
                && rightOperands.Count < MaxConcatenationOperands)
            {
                rightOperands.Add(binary.RightOperand);
                current = binary.LeftOperand;
            }

            if (rightOperands.Count >= MaxConcatenationOperands)
            {
                AddUnknown(pieces);
            }
            else
            {
                Collect(current, pieces, depth + 1, cancellationToken);
            }

            for (var i = rightOperands.Count - 1; i >= 0; i--)
            {
                Collect(rightOperands[i], pieces, depth + 1, cancellationToken);
            }
        }

        private static void AddUnknown(ImmutableArray<StringPiece>.Builder pieces)
        {
            if (pieces.Count > 0 && !pieces[pieces.Count - 1].IsKnown)
            {
                return;
            }

            pieces.Add(new StringPiece(ResolvedString.Unknown.ToString(), null, isKnown: false));
        }

        /// <summary>
        /// For a reference to a const or static readonly field, or to a local assigned exactly once, the operation of the
        /// expression that initialises it.
        /// </summary>
        private static bool TryFollowSymbol(IOperation operation, int depth, CancellationToken cancellationToken, out IOperation initializer)
        {
            initializer = null!;
            switch (operation)
            {
                case IFieldReferenceOperation fieldReference:
                    {
                        var field = fieldReference.Field;
                        if (field.IsReadOnly && !field.IsStatic)
                        {
                            return TryFollowSingleWrite(operation, field, cancellationToken, out initializer);
                        }

                        if (!(field.IsConst || (field.IsStatic && field.IsReadOnly)))
                        {
                            return false;
                        }

                        foreach (var reference in field.DeclaringSyntaxReferences)
                        {
                            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } init }
                                && TryGetOperation(operation, init.Value, cancellationToken, out initializer))
                            {
                                return true;
                            }
                        }

                        return false;
                    }

                case IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false, IsAbstract: false, IsVirtual: false, IsOverride: false } property }
                    when property.GetMethod != null && IsAutoProperty(property, cancellationToken):
                    return TryFollowSingleWrite(operation, property, cancellationToken, out initializer);

                case ILocalReferenceOperation localReference:
                    {
                        var local = localReference.Local;
                        if (local.IsRef)
                        {
                            return false;
                        }

                        foreach (var reference in local.DeclaringSyntaxReferences)
                        {
                            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } init } declarator
                                && (local.IsConst || !IsReassigned(local, declarator, operation.SemanticModel, cancellationToken))
                                && TryGetOperation(operation, init.Value, cancellationToken, out initializer))
                            {
                                return true;
                            }
                        }

                        return false;
                    }

                default:
                    return false;
            }
        }

        private const int MaxConstructorAssignments = 256;

        /// <summary>A get-only auto-property (<c>public string Cs { get; } = "…";</c>): only its initializer or a constructor writes it.</summary>
        private static bool IsAutoProperty(IPropertySymbol property, CancellationToken cancellationToken)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
                    && accessors.Accessors.Count == 1 && accessors.Accessors[0].Body is null && accessors.Accessors[0].ExpressionBody is null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A readonly instance field or get-only auto-property written exactly once: by its initializer, or by one assignment
        /// in a constructor of its type. Two writes (an initializer and a constructor, or two constructors) are unknown.
        /// Constructor assignments are matched by name (<c>_cs = …</c>, <c>this._cs = …</c>); a same-named local only makes the
        /// count larger, never a wrong value.
        /// </summary>
        private static bool TryFollowSingleWrite(IOperation operation, ISymbol member, CancellationToken cancellationToken, out IOperation initializer)
        {
            initializer = null!;
            ExpressionSyntax? value = null;
            var writes = 0;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax(cancellationToken))
                {
                    case VariableDeclaratorSyntax { Initializer: { } init }:
                        value = init.Value;
                        writes++;
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } init }:
                        value = init.Value;
                        writes++;
                        break;
                }
            }

            var type = member.ContainingType;
            if (type is null)
            {
                return false;
            }

            var seen = 0;
            foreach (var constructor in member.IsStatic ? type.StaticConstructors : type.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                    {
                        if (!(node is AssignmentExpressionSyntax assignment))
                        {
                            continue;
                        }

                        if (++seen > MaxConstructorAssignments)
                        {
                            return false;
                        }

                        var name = assignment.Left switch
                        {
                            IdentifierNameSyntax identifier => identifier,
                            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier,
                            _ => null,
                        };
                        if (name != null && name.Identifier.ValueText == member.Name)
                        {
                            writes += assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? 1 : 2;
                            value = assignment.Right;
                        }
                    }
                }
            }

            return writes == 1 && value != null && TryGetOperation(operation, value, cancellationToken, out initializer);
        }

        private static bool TryGetOperation(IOperation context, ExpressionSyntax expression, CancellationToken cancellationToken, out IOperation result)
        {
            result = null!;
            var model = context.SemanticModel;
            if (model is null)
            {
                return false;
            }

            if (expression.SyntaxTree != model.SyntaxTree)
            {
                if (!model.Compilation.ContainsSyntaxTree(expression.SyntaxTree))
                {
                    return false;
                }

#pragma warning disable RS1030 // A field initializer in another file is read once per lookup; there is no other way to bind it.
                model = model.Compilation.GetSemanticModel(expression.SyntaxTree);
#pragma warning restore RS1030
            }

            var operation = model.GetOperation(expression, cancellationToken);
            if (operation is null)
            {
                return false;
            }

            result = operation;
            return true;
        }

        /// <summary>
        /// True when the local holds more than one value: declared with an initializer and written again, or declared
        /// without one (then every assignment is one of several possible values, as far as a one-pass read can tell).
        /// </summary>
        public static bool HasSeveralValues(ILocalSymbol local, SemanticModel? model, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax declarator)
                {
                    return declarator.Initializer is null || IsReassigned(local, declarator, model, cancellationToken);
                }
            }

            return true;
        }

        /// <summary>True when the local is written anywhere after its declaration (assignment, ref/out, ++/--).</summary>
        private static bool IsReassigned(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel? model, CancellationToken cancellationToken)
        {
            var scope = declarator.FirstAncestorOrSelf<SyntaxNode>(n =>
                n is BaseMethodDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AnonymousFunctionExpressionSyntax
                || n is AccessorDeclarationSyntax || n is GlobalStatementSyntax || n is CompilationUnitSyntax);
            if (scope is GlobalStatementSyntax)
            {
                scope = scope.Parent;
            }

            if (scope is null)
            {
                return true;
            }

            foreach (var identifier in WrittenNames(scope, local.Name))
            {

                if (model is null || model.SyntaxTree != identifier.SyntaxTree)
                {
                    return true;
                }

                var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                if (symbol is null || SymbolEqualityComparer.Default.Equals(symbol, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The identifiers named <paramref name="name"/> written in <paramref name="scope"/>; the scope's writes are indexed
        /// once by name, so following many locals of one long method does not walk the method once per local.
        /// </summary>
        private static IReadOnlyList<IdentifierNameSyntax> WrittenNames(SyntaxNode scope, string name)
        {
            var writes = Writes.GetValue(scope, s =>
            {
                var byName = new Dictionary<string, List<IdentifierNameSyntax>>(StringComparer.Ordinal);
                foreach (var node in s.DescendantNodes())
                {
                    if (node is IdentifierNameSyntax identifier && IsWritePosition(identifier))
                    {
                        if (!byName.TryGetValue(identifier.Identifier.ValueText, out var list))
                        {
                            list = new List<IdentifierNameSyntax>();
                            byName.Add(identifier.Identifier.ValueText, list);
                        }

                        list.Add(identifier);
                    }
                }

                return byName;
            });
            return writes.TryGetValue(name, out var found) ? found : (IReadOnlyList<IdentifierNameSyntax>)Array.Empty<IdentifierNameSyntax>();
        }

        private static bool IsWritePosition(IdentifierNameSyntax identifier)
        {
            switch (identifier.Parent)
            {
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == identifier;
                case ArgumentSyntax argument:
                    return !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword);
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression);
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression);
                case RefExpressionSyntax _:
                    return true;
                default:
                    return false;
            }
        }
    }
}
