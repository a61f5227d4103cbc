using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.Credentials
{
    /// <summary>
    /// DLA2002: takes the literal password out of the code. Actions, in order: IAM database authentication (PostgreSQL and
    /// MySQL data sources with AWSSDK.RDS), read it from configuration (through an <c>IOptions&lt;TSettings&gt;</c> in scope
    /// whose settings class has the connection's password property, see <see cref="PasswordSources"/>; through an
    /// <c>IConfiguration</c> in scope, key <c>ConnectionStrings:&lt;Name&gt;:Password</c>, which the Secrets Manager
    /// configuration providers can feed), then read it from an environment variable named after the database. In a
    /// connection string the password is set through the provider's connection-string builder (<c>Password = …</c>), so
    /// it is quoted correctly whatever characters it holds; for Redis through <c>Connect(configuration, options =&gt; …)</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DoNotHardCodeDatabasePasswordsFixer)), Shared]
    public sealed class DoNotHardCodeDatabasePasswordsFixer : CodeFixProvider
    {
        /// <summary>The environment-variable action (offered for every fixable finding).</summary>
        public const string Key = "DLA.DoNotHardCodeDatabasePasswords";

        /// <summary>The IAM database authentication action (PostgreSQL and MySQL data sources, with AWSSDK.RDS referenced).</summary>
        public const string IamKey = "DLA.DoNotHardCodeDatabasePasswords.IamAuthentication";

        /// <summary>The configuration action (offered when an IConfiguration is in scope).</summary>
        public const string ConfigurationKey = "DLA.DoNotHardCodeDatabasePasswords.Configuration";

        /// <summary>
        /// The configuration action through options (offered when an <c>IOptions&lt;TSettings&gt;</c> in scope has the
        /// connection's password property); before the <c>IConfiguration</c> one when both apply.
        /// </summary>
        public const string OptionsKey = "DLA.DoNotHardCodeDatabasePasswords.Options";

        private static readonly string[] NameKeywords = { "Database", "Initial Catalog", "DB", "Host", "Server", "Data Source", "DataSource", "Address", "Addr" };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DoNotHardCodeDatabasePasswords);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <summary>Where the password is written and how to put a read of it there.</summary>
        private sealed class PasswordSite
        {
            public PasswordSite(SyntaxNode anchor, string name, bool isRedis, Func<ExpressionSyntax, CancellationToken, Task<Document>> apply)
            {
                Anchor = anchor;
                Name = name;
                IsRedis = isRedis;
                Apply = apply;
            }

            public SyntaxNode Anchor { get; }

            /// <summary>The database (or host) the connection names: what the variable and the key are named after.</summary>
            public string Name { get; }

            public bool IsRedis { get; }

            public Func<ExpressionSyntax, CancellationToken, Task<Document>> Apply { get; }
        }

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.GetValueOrDefault(SettingEdits.EditKey) != SettingEdits.ReadFromEnvironment
                    || !Enum.TryParse<DbProvider>(diagnostic.Properties.GetValueOrDefault(SettingEdits.ProviderKey), out var provider))
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var site = node is AssignmentExpressionSyntax typed
                    ? TypedSite(document, typed)
                    : LiteralSite(document, model, node, provider, diagnostic.Properties);
                if (site is null)
                {
                    continue;
                }

                var iam = IamAuthentication(document, model, node, provider, diagnostic.Properties);
                if (iam != null)
                {
                    context.RegisterCodeFix(CodeAction.Create("Use IAM database authentication (RDS auth tokens)", iam, IamKey), diagnostic);
                }

                var options = PasswordSources.FindOptionsPassword(model, site.Anchor, PascalName(site.Name), site.IsRedis, context.CancellationToken);
                if (options is { } fromOptions)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Read the password from configuration through IOptions ('{fromOptions.Description}')", ct => site.Apply(fromOptions.Read, ct), OptionsKey),
                        diagnostic);
                }

                var configuration = PasswordSources.FindConfiguration(model, site.Anchor, context.CancellationToken);
                if (configuration != null)
                {
                    var key = "ConnectionStrings:" + PascalName(site.Name) + ":Password";
                    context.RegisterCodeFix(
                        CodeAction.Create($"Read the password from configuration ('{key}')", ct => site.Apply(ConfigurationRead(configuration, key), ct), ConfigurationKey),
                        diagnostic);
                }

                var variable = SnakeName(site.Name) + (site.IsRedis ? "_PASSWORD" : "_DB_PASSWORD");
                context.RegisterCodeFix(
                    CodeAction.Create($"Read the password from environment variable {variable}", ct => site.Apply(EnvironmentRead(variable), ct), Key),
                    diagnostic);
            }
        }

        /// <summary><c>Password = "…"</c> on a typed builder: the value becomes the read.</summary>
        private static PasswordSite TypedSite(Document document, AssignmentExpressionSyntax assignment)
        {
            string? name = null;
            if (assignment.Parent is InitializerExpressionSyntax initializer)
            {
                foreach (var sibling in initializer.Expressions.OfType<AssignmentExpressionSyntax>())
                {
                    if (sibling.Left is IdentifierNameSyntax { Identifier.ValueText: var property }
                        && (property == "Database" || property == "InitialCatalog" || property == "Host" || property == "Server" || property == "DataSource")
                        && StringLiterals.TryGetValue(sibling.Right, out var text) && text.Length > 0
                        && (name is null || property == "Database" || property == "InitialCatalog"))
                    {
                        name = property == "Database" || property == "InitialCatalog" ? text : FirstHostLabel(text);
                    }
                }
            }

            name ??= DeclaredName(assignment) ?? ContainingTypeName(assignment) ?? "Database";
            return new PasswordSite(assignment, name, isRedis: false, (read, ct) => ReplaceAsync(document, assignment.Right, read.WithTriviaFrom(assignment.Right), ct));
        }

        private static PasswordSite? LiteralSite(Document document, SemanticModel model, SyntaxNode node, DbProvider provider, ImmutableDictionary<string, string?> properties)
        {
            var literal = node.DescendantNodesAndSelf().FirstOrDefault(n => StringLiterals.TryGetValue(n, out _));
            if (literal is null || !StringLiterals.TryGetValue(literal, out var value))
            {
                return null;
            }

            var keyword = properties.GetValueOrDefault(SettingEdits.KeywordKey) ?? string.Empty;
            var info = ConnectionStringInfo.Parse(provider, value);
            var entry = info.Entries.LastOrDefault(e => string.Equals(e.Key, keyword, StringComparison.OrdinalIgnoreCase));
            if (entry is null || !entry.IsValueKnown || (properties.TryGetValue(SettingEdits.CurrentValueKey, out var current) && current != entry.Value))
            {
                return null; // the value is written elsewhere (another part of a concatenation): no safe edit of this literal
            }

            var name = ConnectionName(info) ?? DeclaredName(literal) ?? ContainingTypeName(literal) ?? (provider == DbProvider.Redis ? "Cache" : "Database");
            var without = StringLiterals.WithValue(literal, ConnectionSettingFixer.RemoveSegment(value, entry, info.Separator));
            if (provider == DbProvider.Redis)
            {
                return RedisSite(document, model, literal, without, name);
            }

            var builder = model.Compilation.GetTypeByMetadataName(BuilderName(provider));
            if (builder is null || !HasStringConstructorAndPassword(builder))
            {
                return null;
            }

            var outer = (SyntaxNode)(literal is InterpolatedStringTextSyntax ? literal.Parent! : literal);
            while (outer.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ParenthesizedExpressionSyntax)
            {
                outer = outer.Parent;
            }

            if (outer is not ExpressionSyntax outerExpression || !ConnectionSettingFixer.CanHoldNonConstant(outer, out var constDeclaration))
            {
                return null;
            }

            return new PasswordSite(literal, name, isRedis: false, async (read, ct) =>
            {
                var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
                var connectionString = WithoutEmptyText(outerExpression, literal, without).WithoutTrivia();
                var creation = SyntaxFactory.ObjectCreationExpression(
                        SyntaxFactory.ParseTypeName(builder.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(connectionString))),
                        SyntaxFactory.InitializerExpression(
                            SyntaxKind.ObjectInitializerExpression,
                            SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(
                                SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Password"), read))));
                var replacement = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, creation, SyntaxFactory.IdentifierName("ConnectionString"))
                    .WithTriviaFrom(outerExpression).WithAdditionalAnnotations(Formatter.Annotation);
                editor.ReplaceNode(outerExpression, replacement);
                if (constDeclaration != null)
                {
                    ConnectionSettingFixer.MakeNonConstant(editor, constDeclaration);
                }

                return editor.GetChangedDocument();
            });
        }

        /// <summary>
        /// StackExchange.Redis has no quoting in configuration strings: the password moves out of the string into
        /// <c>Connect(configuration, options =&gt; options.Password = …)</c>, when the literal is the whole configuration argument.
        /// </summary>
        private static PasswordSite? RedisSite(Document document, SemanticModel model, SyntaxNode literal, SyntaxNode without, string name)
        {
            if (literal is not LiteralExpressionSyntax || literal.Parent is not ArgumentSyntax argument
                || argument.Parent is not ArgumentListSyntax { Arguments.Count: 1 } arguments || arguments.Parent is not InvocationExpressionSyntax invocation
                || model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method
                || method.Parameters.Length == 0 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            var configure = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().FirstOrDefault(m =>
                m.IsStatic == method.IsStatic && m.Parameters.Length >= 2 && m.Parameters[0].Type.SpecialType == SpecialType.System_String
                && m.Parameters[1].Type is INamedTypeSymbol { Name: "Action", TypeArguments.Length: 1 } action
                && action.TypeArguments[0].GetMembers("Password").OfType<IPropertySymbol>().Any(p => p.SetMethod != null)
                && m.Parameters.Skip(2).All(p => p.IsOptional));
            if (configure is null)
            {
                return null;
            }

            return new PasswordSite(literal, name, isRedis: true, (read, ct) =>
            {
                // The lambda's parameter must not hide what the read names (an IOptions parameter called `options`).
                var used = new HashSet<string>(read.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText), StringComparer.Ordinal);
                var parameter = new[] { "options", "redisOptions", "configurationOptions" }.First(n => !used.Contains(n));
                var lambda = SyntaxFactory.SimpleLambdaExpression(
                    SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameter)),
                    SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(parameter), SyntaxFactory.IdentifierName("Password")),
                        read));
                var newArguments = arguments.WithArguments(SyntaxFactory.SeparatedList(new[]
                {
                    argument.WithExpression((ExpressionSyntax)without),
                    SyntaxFactory.Argument(lambda),
                }));
                return ReplaceAsync(document, arguments, newArguments, ct);
            });
        }

        private static readonly string[] NpgsqlUserKeywords = { "Username", "User Name", "UserId", "User Id", "UID" };
        private static readonly string[] MySqlUserKeywords = { "User ID", "UserID", "Username", "Uid", "User name", "User" };

        /// <summary>
        /// PostgreSQL (Npgsql) and MySQL (MySqlConnector) on RDS authenticate with a 15-minute token signed with the
        /// application's IAM identity instead of a password. Offered when AWSSDK.RDS is referenced and the whole connection
        /// string, with its host and user, is the literal handed to a data source or data-source builder (MySqlConnector: also
        /// a connection): the password goes, <c>SSL Mode=VerifyFull</c> is set (tokens need TLS), and a periodic password
        /// provider (MySqlConnector connection: <c>ProvidePasswordCallback</c>) generates the token from the host, port and user.
        /// </summary>
        private static Func<CancellationToken, Task<Document>>? IamAuthentication(Document document, SemanticModel model, SyntaxNode node, DbProvider provider, ImmutableDictionary<string, string?> properties)
        {
            var compilation = model.Compilation;
            var generator = compilation.GetTypeByMetadataName("Amazon.RDS.Util.RDSAuthTokenGenerator");
            if ((provider != DbProvider.Npgsql && provider != DbProvider.MySqlConnector) || generator is null
                || !generator.GetMembers("GenerateAuthToken").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.Length == 3)
                || node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault() is not { } literal
                || !StringLiterals.TryGetValue(literal, out var value) || literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: { } call } })
            {
                return null;
            }

            var info = ConnectionStringInfo.Parse(provider, value);
            var password = info.Get(ConnectionSetting.Password);
            var host = info.Get(ConnectionSetting.Host);
            var users = provider == DbProvider.Npgsql ? NpgsqlUserKeywords : MySqlUserKeywords;
            var user = info.Entries.LastOrDefault(e => users.Any(k => string.Equals(k, e.Key, StringComparison.OrdinalIgnoreCase)));
            var port = info.Entries.LastOrDefault(e => string.Equals(e.Key, "Port", StringComparison.OrdinalIgnoreCase));
            if (password is null || password.Value != properties.GetValueOrDefault(SettingEdits.CurrentValueKey) || host is null || !host.IsValueKnown || host.Value.Length == 0
                || user is null || !user.IsValueKnown || user.Value.Length == 0 || (port != null && !int.TryParse(port.Value, out _)))
            {
                return null;
            }

            // The password segment goes; the TLS mode becomes VerifyFull (IAM tokens travel only over TLS, and the server must be checked).
            var text = ConnectionSettingFixer.RemoveSegment(value, password, info.Separator);
            var ssl = ConnectionStringInfo.Parse(provider, text).Get(ConnectionSetting.SslMode);
            text = ssl != null
                ? text.Substring(0, ssl.ValueStart) + "VerifyFull" + text.Substring(ssl.ValueStart + ssl.ValueLength)
                : text.TrimEnd().TrimEnd(';') + ";SSL Mode=VerifyFull";

            var newLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
            var operation = model.GetSymbolInfo(call).Symbol as IMethodSymbol;
            var created = operation?.MethodKind == MethodKind.Constructor ? operation.ContainingType : null;
            string? replacement = null;
            if (provider == DbProvider.Npgsql)
            {
                var provide = "(settings, cancellationToken) => new global::System.Threading.Tasks.ValueTask<string>(global::Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken(settings.Host!, settings.Port, settings.Username!))";
                var periodic = $".UsePeriodicPasswordProvider({provide}, global::System.TimeSpan.FromMinutes(10), global::System.TimeSpan.FromSeconds(10))";
                if (operation is { Name: "Create", IsStatic: true } && operation.ContainingType.ToDisplayString() == "Npgsql.NpgsqlDataSource" && compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSourceBuilder") != null)
                {
                    replacement = "new global::Npgsql.NpgsqlDataSourceBuilder(LITERAL)" + periodic + ".Build()";
                }
                else if (created?.ToDisplayString() == "Npgsql.NpgsqlDataSourceBuilder" && call is ObjectCreationExpressionSyntax { Initializer: null })
                {
                    replacement = "new global::Npgsql.NpgsqlDataSourceBuilder(LITERAL)" + periodic;
                }
            }
            else
            {
                var provide = "(context, cancellationToken) => new global::System.Threading.Tasks.ValueTask<string>(global::Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken(context.Server, context.Port, context.UserId))";
                var periodic = $".UsePeriodicPasswordProvider({provide}, global::System.TimeSpan.FromMinutes(10), global::System.TimeSpan.FromSeconds(10))";
                if (created?.ToDisplayString() == "MySqlConnector.MySqlDataSource" && compilation.GetTypeByMetadataName("MySqlConnector.MySqlDataSourceBuilder") != null)
                {
                    replacement = "new global::MySqlConnector.MySqlDataSourceBuilder(LITERAL)" + periodic + ".Build()";
                }
                else if (created?.ToDisplayString() == "MySqlConnector.MySqlDataSourceBuilder" && call is ObjectCreationExpressionSyntax { Initializer: null })
                {
                    replacement = "new global::MySqlConnector.MySqlDataSourceBuilder(LITERAL)" + periodic;
                }
                else if (created?.ToDisplayString() == "MySqlConnector.MySqlConnection" && call is ObjectCreationExpressionSyntax { Initializer: null }
                    && HasSettable(created, "ProvidePasswordCallback"))
                {
                    replacement = "new global::MySqlConnector.MySqlConnection(LITERAL) { ProvidePasswordCallback = context => global::Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken(context.Server, context.Port, context.UserId) }";
                }
            }

            if (replacement is null || call is not ExpressionSyntax callExpression)
            {
                return null;
            }

            var parsed = SyntaxFactory.ParseExpression(replacement);
            var placeholder = parsed.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.ValueText == "LITERAL");
            var expression = parsed.ReplaceNode(placeholder, newLiteral)
                .WithTriviaFrom(callExpression)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
            return async ct =>
            {
                var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
                editor.ReplaceNode(callExpression, expression);
                return await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: ct).ConfigureAwait(false);
            };
        }

        private static bool HasSettable(INamedTypeSymbol type, string name)
            => type.GetMembers(name).OfType<IPropertySymbol>().Any(p => p.SetMethod != null && p.GetAttributes().All(a => a.AttributeClass?.Name != "ObsoleteAttribute"));

        private static string BuilderName(DbProvider provider) => provider switch
        {
            DbProvider.Npgsql => "Npgsql.NpgsqlConnectionStringBuilder",
            DbProvider.SqlClient => "Microsoft.Data.SqlClient.SqlConnectionStringBuilder",
            DbProvider.SystemDataSqlClient => "System.Data.SqlClient.SqlConnectionStringBuilder",
            DbProvider.MySqlConnector => "MySqlConnector.MySqlConnectionStringBuilder",
            DbProvider.MySqlData => "MySql.Data.MySqlClient.MySqlConnectionStringBuilder",
            _ => string.Empty,
        };

        private static bool HasStringConstructorAndPassword(INamedTypeSymbol builder)
        {
            return builder.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String)
                && HasSettableString(builder, "Password") && builder.GetMembers("ConnectionString").Length + (builder.BaseType?.GetMembers("ConnectionString").Length ?? 0) > 0;
        }

        private static bool HasSettableString(INamedTypeSymbol type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.GetMembers(name).OfType<IPropertySymbol>().Any(p => p.SetMethod != null && p.Type.SpecialType == SpecialType.System_String))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The database the string names, else the first label of its host.</summary>
        private static string? ConnectionName(ConnectionStringInfo info)
        {
            foreach (var keyword in NameKeywords)
            {
                var entry = info.Entries.LastOrDefault(e => string.Equals(e.Key, keyword, StringComparison.OrdinalIgnoreCase));
                if (entry != null && entry.IsValueKnown && entry.Value.Length > 0)
                {
                    var namesDatabase = keyword == "Database" || keyword == "Initial Catalog" || keyword == "DB";
                    return namesDatabase ? entry.Value : FirstHostLabel(entry.Value);
                }
            }

            if (info.RedisEndpoints.Count > 0)
            {
                return FirstHostLabel(info.RedisEndpoints[0]);
            }

            return null;
        }

        private static string FirstHostLabel(string host)
        {
            var text = host.Trim();
            if (text.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(4);
            }

            var end = text.IndexOfAny(new[] { '.', ':', ',' });
            return end > 0 ? text.Substring(0, end) : text;
        }

        /// <summary>The field, property or local the connection string is declared in (<c>LedgerConnection</c>).</summary>
        private static string? DeclaredName(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case VariableDeclaratorSyntax declarator:
                        return declarator.Identifier.ValueText;
                    case PropertyDeclarationSyntax property:
                        return property.Identifier.ValueText;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        private static string? ContainingTypeName(SyntaxNode node) => node.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText;

        private static IEnumerable<string> Words(string name)
        {
            var word = new StringBuilder();
            for (var i = 0; i < name.Length && i < 128; i++)
            {
                var c = name[i];
                var boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]));
                if (boundary && word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                if (char.IsLetterOrDigit(c) && c < 128)
                {
                    word.Append(c);
                }
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
            }
        }

        /// <summary><c>ledger-cache</c>, <c>LedgerCache</c> → <c>LEDGER_CACHE</c>.</summary>
        internal static string SnakeName(string name)
        {
            var snake = string.Join("_", Words(name).Select(w => w.ToUpperInvariant()));
            return snake.Length == 0 ? "DATABASE" : char.IsDigit(snake[0]) ? "DB_" + snake : snake;
        }

        /// <summary><c>ledger-cache</c> → <c>LedgerCache</c>.</summary>
        internal static string PascalName(string name)
        {
            var pascal = string.Concat(Words(name).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
            return pascal.Length == 0 ? "Database" : pascal;
        }

        private static ExpressionSyntax ConfigurationRead(ExpressionSyntax configuration, string key)
        {
            return SyntaxFactory.ElementAccessExpression(
                configuration,
                SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key))))));
        }

        private static ExpressionSyntax EnvironmentRead(string variable)
        {
            var environment = SyntaxFactory.ParseExpression("System.Environment").WithAdditionalAnnotations(Simplifier.Annotation);
            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, environment, SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable))))));
        }

        private static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            editor.ReplaceNode(oldNode, newNode.WithAdditionalAnnotations(Formatter.Annotation));
            return editor.GetChangedDocument();
        }

        /// <summary>
        /// <paramref name="outer"/> with <paramref name="literal"/> replaced by <paramref name="replacement"/>; an interpolated
        /// text part left empty is dropped, as the compiler itself never produces an empty one.
        /// </summary>
        private static ExpressionSyntax WithoutEmptyText(ExpressionSyntax outer, SyntaxNode literal, SyntaxNode replacement)
        {
            if (replacement is InterpolatedStringTextSyntax { TextToken.Text.Length: 0 }
                && literal is InterpolatedStringContentSyntax part && literal.Parent is InterpolatedStringExpressionSyntax owner)
            {
                var trimmed = owner.WithContents(owner.Contents.Remove(part));
                return outer == owner ? trimmed : outer.ReplaceNode(owner, trimmed);
            }

            return outer.ReplaceNode(literal, replacement);
        }
    }
}
