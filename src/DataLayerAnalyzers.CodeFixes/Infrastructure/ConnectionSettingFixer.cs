using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// The fix engine of the connection-string rules. The analyzer puts the edit in the diagnostic's properties
    /// (<see cref="SettingEdits"/>); this re-reads the literal where the setting is written with the same parser and
    /// applies the edit, or rewrites the typed assignment. Nothing is offered when the setting cannot be found in that one
    /// literal (for example when its value comes from another piece of a concatenation).
    /// </summary>
    public abstract class ConnectionSettingFixer : CodeFixProvider
    {
        protected abstract string Title { get; }

        protected abstract string EquivalenceKey { get; }

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(SettingEdits.EditKey, out var edit) || edit is null)
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var document = context.Document;
                Func<CancellationToken, Task<Document>>? apply = edit switch
                {
                    SettingEdits.ReadFromEnvironment when node is AssignmentExpressionSyntax typed => PlanTypedEnvironmentRead(document, typed, diagnostic.Properties),
                    SettingEdits.SetValue or SettingEdits.RemoveSegment or SettingEdits.ReadFromEnvironment => PlanLiteralEdit(document, node, edit, diagnostic.Properties),
                    SettingEdits.SetTyped => PlanTypedValue(document, node, diagnostic.Properties),
                    SettingEdits.RemoveStatement => PlanRemoval(document, node),
                    _ => null,
                };

                if (apply != null)
                {
                    context.RegisterCodeFix(CodeAction.Create(Title, apply, EquivalenceKey), diagnostic);
                }
            }
        }

        private static Func<CancellationToken, Task<Document>>? PlanLiteralEdit(Document document, SyntaxNode node, string edit, ImmutableDictionary<string, string?> properties)
        {
            var literal = node.DescendantNodesAndSelf().FirstOrDefault(n => StringLiterals.TryGetValue(n, out _));
            if (literal is null || !StringLiterals.TryGetValue(literal, out var value)
                || !Enum.TryParse<DbProvider>(properties.GetValueOrDefault(SettingEdits.ProviderKey), out var provider))
            {
                return null;
            }

            var keyword = properties.GetValueOrDefault(SettingEdits.KeywordKey) ?? string.Empty;
            var info = ConnectionStringInfo.Parse(provider, value);
            var entry = info.Entries.LastOrDefault(e => string.Equals(e.Key, keyword, StringComparison.OrdinalIgnoreCase));
            if (properties.TryGetValue(SettingEdits.CurrentValueKey, out var current) && (entry is null || current != entry.Value))
            {
                return null; // the value is written elsewhere (another part of a concatenation): no safe edit of this literal
            }

            switch (edit)
            {
                case SettingEdits.SetValue:
                    {
                        var newValue = properties.GetValueOrDefault(SettingEdits.ValueKey);
                        if (newValue is null)
                        {
                            return null;
                        }

                        var text = entry != null ? Replace(value, entry.ValueStart, entry.ValueLength, newValue) : Append(value, info.Separator, keyword + "=" + newValue);
                        return ct => ReplaceNodeAsync(document, literal, StringLiterals.WithValue(literal, text), ct);
                    }

                case SettingEdits.RemoveSegment:
                    {
                        if (entry is null)
                        {
                            return null;
                        }

                        var text = provider == DbProvider.Npgsql && info.Get(ConnectionSetting.TrustServerCertificate) == entry
                            ? WithoutTrustSettingNpgsql(info, entry)
                            : RemoveSegment(value, entry, info.Separator);
                        return ct => ReplaceNodeAsync(document, literal, StringLiterals.WithValue(literal, text), ct);
                    }

                case SettingEdits.ReadFromEnvironment:
                    return entry is null || !entry.IsValueKnown ? null : PlanEnvironmentRead(document, literal, value, entry, provider);

                default:
                    return null;
            }
        }

        /// <summary>Npgsql: the trust setting goes, and the TLS mode becomes VerifyFull (set, or written where the trust setting was).</summary>
        private static string WithoutTrustSettingNpgsql(ConnectionStringInfo info, ConnectionStringEntry trust)
        {
            var sslMode = info.Get(ConnectionSetting.SslMode);
            if (sslMode is null)
            {
                return Replace(info.Text, trust.SegmentStart, trust.SegmentLength, "SSL Mode=VerifyFull");
            }

            var text = info.Text;
            if (sslMode.ValueStart > trust.SegmentStart)
            {
                text = Replace(text, sslMode.ValueStart, sslMode.ValueLength, "VerifyFull");
                return RemoveSegment(text, trust, info.Separator);
            }

            text = RemoveSegment(text, trust, info.Separator);
            return Replace(text, sslMode.ValueStart, sslMode.ValueLength, "VerifyFull");
        }

        private static string Replace(string text, int start, int length, string replacement)
        {
            return text.Substring(0, start) + replacement + text.Substring(start + length);
        }

        private static string Append(string text, char separator, string segment)
        {
            var trimmed = text.TrimEnd();
            return trimmed.Length == 0 || trimmed[trimmed.Length - 1] == separator ? trimmed + segment : trimmed + separator + segment;
        }

        internal static string RemoveSegment(string text, ConnectionStringEntry entry, char separator)
        {
            var start = entry.SegmentStart;
            var end = entry.SegmentStart + entry.SegmentLength;
            if (end < text.Length && text[end] == separator)
            {
                end++;
                while (end < text.Length && text[end] == ' ')
                {
                    end++;
                }
            }
            else if (start > 0 && text[start - 1] == separator)
            {
                start--;
            }

            return text.Substring(0, start) + text.Substring(end);
        }

        private static ExpressionSyntax EnvironmentRead(DbProvider provider)
        {
            var variable = provider == DbProvider.Redis ? "REDIS_PASSWORD" : "DB_PASSWORD";
            var environment = SyntaxFactory.ParseExpression("System.Environment").WithAdditionalAnnotations(Simplifier.Annotation);
            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, environment, SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable))))));
        }

        private static Func<CancellationToken, Task<Document>>? PlanTypedEnvironmentRead(Document document, AssignmentExpressionSyntax assignment, ImmutableDictionary<string, string?> properties)
        {
            if (!Enum.TryParse<DbProvider>(properties.GetValueOrDefault(SettingEdits.ProviderKey), out var provider))
            {
                return null;
            }

            var read = EnvironmentRead(provider).WithTriviaFrom(assignment.Right).WithAdditionalAnnotations(Formatter.Annotation);
            return ct => ReplaceNodeAsync(document, assignment.Right, read, ct);
        }

        private static Func<CancellationToken, Task<Document>>? PlanEnvironmentRead(Document document, SyntaxNode literal, string value, ConnectionStringEntry entry, DbProvider provider)
        {
            var read = EnvironmentRead(provider);
            var before = value.Substring(0, entry.ValueStart);
            var after = value.Substring(entry.ValueStart + entry.ValueLength);

            if (literal is InterpolatedStringTextSyntax text && text.Parent is InterpolatedStringExpressionSyntax owner)
            {
                var parts = new List<InterpolatedStringContentSyntax>();
                if (before.Length > 0)
                {
                    parts.Add(StringLiterals.InterpolatedText(owner, before));
                }

                parts.Add(SyntaxFactory.Interpolation(read));
                if (after.Length > 0)
                {
                    parts.Add(StringLiterals.InterpolatedText(owner, after));
                }

                var contents = owner.Contents.ReplaceRange(text, parts);
                return ct => ReplaceNodeAsync(document, owner, owner.WithContents(contents), ct);
            }

            if (!(literal is LiteralExpressionSyntax stringLiteral) || !CanHoldNonConstant(stringLiteral, out var constDeclaration))
            {
                return null;
            }

            ExpressionSyntax expression = read;
            if (before.Length > 0)
            {
                expression = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, (ExpressionSyntax)StringLiterals.WithValue(stringLiteral, before).WithoutTrivia(), expression);
            }

            if (after.Length > 0)
            {
                expression = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, expression, (ExpressionSyntax)StringLiterals.WithValue(stringLiteral, after).WithoutTrivia());
            }

            if (stringLiteral.Parent is BinaryExpressionSyntax || stringLiteral.Parent is MemberAccessExpressionSyntax)
            {
                expression = SyntaxFactory.ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);
            }

            expression = expression.WithTriviaFrom(stringLiteral).WithAdditionalAnnotations(Formatter.Annotation);
            return async ct =>
            {
                var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
                editor.ReplaceNode(stringLiteral, expression);
                if (constDeclaration != null)
                {
                    MakeNonConstant(editor, constDeclaration);
                }

                return editor.GetChangedDocument();
            };
        }

        /// <summary>
        /// A literal that must stay a compile-time constant (attribute argument, default value, case label) cannot take a
        /// method call; one in a const declaration can, once the const becomes <c>static readonly</c> (or a plain local).
        /// </summary>
        internal static bool CanHoldNonConstant(SyntaxNode literal, out SyntaxNode? constDeclaration)
        {
            constDeclaration = null;
            foreach (var ancestor in literal.Ancestors())
            {
                switch (ancestor)
                {
                    case AttributeArgumentSyntax _:
                    case ParameterSyntax _:
                    case CaseSwitchLabelSyntax _:
                    case ConstantPatternSyntax _:
                        return false;
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                        constDeclaration = field;
                        return !IsUsedAsConstant(field);
                    case LocalDeclarationStatementSyntax local when local.IsConst:
                        constDeclaration = local;
                        return true;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return true;
                }
            }

            return true;
        }

        /// <summary>True when another constant context of the file names the const field (it must then stay a const).</summary>
        private static bool IsUsedAsConstant(FieldDeclarationSyntax field)
        {
            var names = field.Declaration.Variables.Select(v => v.Identifier.ValueText).ToImmutableHashSet();
            var root = field.SyntaxTree.GetRoot();
            foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (!names.Contains(identifier.Identifier.ValueText))
                {
                    continue;
                }

                foreach (var ancestor in identifier.Ancestors())
                {
                    if (ancestor is AttributeArgumentSyntax || ancestor is ParameterSyntax || ancestor is CaseSwitchLabelSyntax
                        || (ancestor is FieldDeclarationSyntax f && f != field && f.Modifiers.Any(SyntaxKind.ConstKeyword))
                        || (ancestor is LocalDeclarationStatementSyntax l && l.IsConst))
                    {
                        return true;
                    }

                    if (ancestor is StatementSyntax || ancestor is MemberDeclarationSyntax)
                    {
                        break;
                    }
                }
            }

            return false;
        }

        internal static void MakeNonConstant(DocumentEditor editor, SyntaxNode declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field:
                    {
                        var modifiers = SyntaxFactory.TokenList(field.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword)))
                            .Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                            .Add(SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space));
                        var first = field.Modifiers.First();
                        modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(first.LeadingTrivia));
                        editor.ReplaceNode(field, (n, _) => ((FieldDeclarationSyntax)n).WithModifiers(modifiers));
                        break;
                    }

                case LocalDeclarationStatementSyntax local:
                    editor.ReplaceNode(local, (n, _) =>
                    {
                        var statement = (LocalDeclarationStatementSyntax)n;
                        var constToken = statement.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                        return statement.WithModifiers(statement.Modifiers.Remove(constToken)).WithLeadingTrivia(statement.GetLeadingTrivia());
                    });
                    break;
            }
        }

        private static Func<CancellationToken, Task<Document>>? PlanTypedValue(Document document, SyntaxNode node, ImmutableDictionary<string, string?> properties)
        {
            var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            var member = properties.GetValueOrDefault(SettingEdits.ValueKey);
            if (assignment is null || member is null)
            {
                return null;
            }

            return async ct =>
            {
                var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
                var type = editor.SemanticModel.GetTypeInfo(assignment.Left, ct).Type;
                ExpressionSyntax value;
                if (member == "true" || member == "false")
                {
                    value = (ExpressionSyntax)editor.Generator.LiteralExpression(member == "true");
                }
                else if (type != null)
                {
                    // Parsed as an expression, so the tree is the one the text reads back as (member accesses, not a qualified name).
                    value = SyntaxFactory.ParseExpression(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member);
                }
                else
                {
                    return document;
                }

                editor.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation));
                return editor.GetChangedDocument();
            };
        }

        /// <summary>Removes a typed assignment, or the registration of a certificate callback (statement, initializer member or chained call).</summary>
        private static Func<CancellationToken, Task<Document>>? PlanRemoval(Document document, SyntaxNode node)
        {
            var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            var argument = node.FirstAncestorOrSelf<ArgumentSyntax>();
            if (argument?.Parent?.Parent is InvocationExpressionSyntax invocation
                && (assignment is null || assignment.Span.Contains(invocation.Span)))
            {
                return PlanRegistrationRemoval(document, invocation);
            }

            if (assignment is null)
            {
                return null;
            }

            // builder.UseSslClientAuthenticationOptionsCallback(o => o.RemoteCertificateValidationCallback = …): the options
            // lambda does nothing but install the callback, so its registration goes.
            if (assignment.Parent is LambdaExpressionSyntax options && options.Body == assignment
                && options.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } }
                && registration.Expression is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "UseSslClientAuthenticationOptionsCallback" } } })
            {
                return PlanRegistrationRemoval(document, registration);
            }

            if (assignment.Parent is ExpressionStatementSyntax statement)
            {
                return ct => RemoveNodeAsync(document, statement, ct);
            }

            if (assignment.Parent is InitializerExpressionSyntax)
            {
                return ct => RemoveNodeAsync(document, assignment, ct, SyntaxRemoveOptions.KeepTrailingTrivia);
            }

            return null;
        }

        /// <summary>Removes a registration call: its statement, or the call from a chain (the chain goes on from its receiver).</summary>
        private static Func<CancellationToken, Task<Document>>? PlanRegistrationRemoval(Document document, InvocationExpressionSyntax invocation)
        {
            if (invocation.Parent is ExpressionStatementSyntax callStatement)
            {
                return ct => RemoveNodeAsync(document, callStatement, ct);
            }

            if (invocation.Expression is MemberAccessExpressionSyntax access)
            {
                return ct => ReplaceNodeAsync(document, invocation, access.Expression.WithTriviaFrom(invocation), ct);
            }

            return null;
        }

        private static async Task<Document> ReplaceNodeAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(oldNode, newNode.WithAdditionalAnnotations(Formatter.Annotation));
            return editor.GetChangedDocument();
        }

        private static async Task<Document> RemoveNodeAsync(Document document, SyntaxNode node, CancellationToken cancellationToken, SyntaxRemoveOptions extra = 0)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives | extra);
            return editor.GetChangedDocument();
        }
    }
}
