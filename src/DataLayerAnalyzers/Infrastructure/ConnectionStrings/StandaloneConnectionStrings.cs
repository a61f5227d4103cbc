using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// Connection strings written where no provider receives them in sight: a <c>const</c> of a helper class, a settings
    /// class's default, a <c>??</c> fallback, a dictionary initializer, an argument to another class's constructor, or a
    /// provider the compilation does not reference. Such a string counts only when it is unmistakably a database
    /// connection string: every keyword known to one of the providers, a server/host/data-source key, and a credential
    /// or TLS key. The providers that could read it are its candidates; a candidate that would reject one of its TLS,
    /// pooling or certificate values (Npgsql's <c>SSL Mode=Disable</c> is not a MySQL mode) is dropped.
    /// </summary>
    internal static class StandaloneConnectionStrings
    {
        /// <summary>Redis strings (<c>host:port,password=…</c>) are not read here: their shape is not unmistakable.</summary>
        private static readonly DbProvider[] AdoProviders =
        {
            DbProvider.Npgsql, DbProvider.SqlClient, DbProvider.SystemDataSqlClient, DbProvider.MySqlConnector, DbProvider.MySqlData,
        };

        private const int MaxParentDepth = 8;

        /// <summary>
        /// Assemblies whose presence says the project deals with databases (a provider, EF Core, Dapper, configuration, the
        /// AWS SDK): only then are standalone strings read, so a project with none of them pays nothing for this path.
        /// </summary>
        private static readonly string[] DataAccessAssemblyPrefixes =
        {
            "Npgsql", "Microsoft.Data.SqlClient", "System.Data.SqlClient", "MySqlConnector", "MySql.Data", "Microsoft.EntityFrameworkCore",
            "Dapper", "Microsoft.Extensions.Configuration", "AWSSDK.", "Pomelo.EntityFrameworkCore", "linq2db", "NHibernate",
        };

        public static bool ReferencesDataAccess(Compilation compilation)
        {
            foreach (var assembly in compilation.ReferencedAssemblyNames)
            {
                foreach (var prefix in DataAccessAssemblyPrefixes)
                {
                    if (assembly.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private const int MaxLiteralTokens = 64;

        /// <summary>
        /// True when <paramref name="operation"/> (a literal, interpolated string or string concatenation) is the whole
        /// string expression, not a part of a larger concatenation or interpolation that is analyzed as a whole.
        /// </summary>
        public static bool IsWholeString(IOperation operation)
        {
            if (operation.Type?.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            var parent = operation.Parent;
            for (var depth = 0; parent != null && depth < MaxParentDepth; depth++)
            {
                switch (parent)
                {
                    case IConversionOperation { IsImplicit: true }:
                    case IParenthesizedOperation:
                        parent = parent.Parent;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    case IInterpolationOperation:
                    case IInterpolatedStringOperation:
                        return false;
                }

                break;
            }

            return operation is not IBinaryOperation binaryTop
                || binaryTop.OperatorKind == BinaryOperatorKind.Add;
        }

        /// <summary>
        /// A cheap look before any resolution: a connection string of the kind read here has a <c>key=value</c> pair and a
        /// separator in the literal text written at the expression itself (its constant parts: literals, the text parts
        /// of an interpolation, the constant operands of a concatenation). Read from the operation tree the analyzer was
        /// handed, so no syntax is walked.
        /// </summary>
        public static bool MayBeConnectionString(IOperation operation)
        {
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is string s && HasPairAndSeparator(s);
            }

            var equals = false;
            var separator = false;
            var pending = new Stack<IOperation>();
            pending.Push(operation);
            for (var count = 0; pending.Count > 0 && count < MaxLiteralTokens * 4; count++)
            {
                var current = pending.Pop();
                string? text = null;
                switch (current)
                {
                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolatedStringTextOperation { Text: { ConstantValue: { HasValue: true, Value: string partText } } })
                            {
                                equals |= partText.IndexOf('=') >= 0;
                                separator |= partText.IndexOf(';') >= 0;
                            }
                        }

                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.ConstantValue.HasValue is false:
                        pending.Push(binary.RightOperand);
                        pending.Push(binary.LeftOperand);
                        break;
                    case IParenthesizedOperation parenthesized:
                        pending.Push(parenthesized.Operand);
                        break;
                    case IConversionOperation { IsImplicit: true } conversion:
                        pending.Push(conversion.Operand);
                        break;
                    default:
                        text = current.ConstantValue.HasValue ? current.ConstantValue.Value as string : null;
                        break;
                }

                if (text != null)
                {
                    equals |= text.IndexOf('=') >= 0;
                    separator |= text.IndexOf(';') >= 0;
                }

                if (equals && separator)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasPairAndSeparator(string text) => text.Length >= 8 && text.IndexOf('=') > 0 && text.IndexOf(';') > 0;

        /// <summary>The providers that read <paramref name="text"/> as a whole connection string, in a fixed order; empty when none does.</summary>
        public static IReadOnlyList<ConnectionStringInfo> Candidates(string text)
        {
            var candidates = new List<ConnectionStringInfo>();
            foreach (var info in ConnectionStringInfo.ParseAdo(AdoProviders, text))
            {
                if (IsUnmistakable(info) && AcceptsValues(info))
                {
                    candidates.Add(info);
                }
            }

            return candidates;
        }

        private static bool IsUnmistakable(ConnectionStringInfo info)
        {
            var host = info.Get(ConnectionSetting.Host);
            if (info.Entries.Count < 2 || !info.AllKeywordsKnown || host is null || IsFileDataSource(host.Value))
            {
                return false;
            }

            foreach (var entry in info.Entries)
            {
                if (ProviderKeywords.TryGetSetting(info.Provider, entry.Key, out var setting))
                {
                    switch (setting)
                    {
                        case ConnectionSetting.Password:
                        case ConnectionSetting.SslMode:
                        case ConnectionSetting.Encrypt:
                        case ConnectionSetting.TrustServerCertificate:
                        case ConnectionSetting.IntegratedSecurity:
                            return true;
                        case ConnectionSetting.Other when IsUserKeyword(entry.Key):
                            return true;
                    }
                }
            }

            return false;
        }

        /// <summary>SQLite's <c>Data Source=app.db</c> or <c>:memory:</c> is a file, not a server.</summary>
        private static bool IsFileDataSource(string value)
        {
            var v = value.Trim();
            return v.IndexOf(":memory:", StringComparison.OrdinalIgnoreCase) >= 0
                || v.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)
                || v.EndsWith(".sqlite3", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".db3", StringComparison.OrdinalIgnoreCase)
                || v.IndexOf('/') >= 0;
        }

        private static bool IsUserKeyword(string keyword)
        {
            switch (keyword.Trim().ToUpperInvariant())
            {
                case "USER ID":
                case "USERID":
                case "USERNAME":
                case "USER NAME":
                case "UID":
                case "USER":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>False when the provider would reject a value the string gives to a TLS, certificate or pooling keyword.</summary>
        private static bool AcceptsValues(ConnectionStringInfo info)
        {
            var transport = info.GetTransportSetting(out var security);
            if (transport != null && transport.IsValueKnown && security == TransportSecurity.Unknown)
            {
                return false;
            }

            foreach (var setting in new[] { ConnectionSetting.Pooling, ConnectionSetting.TrustServerCertificate })
            {
                var entry = info.Get(setting);
                if (entry != null && entry.IsValueKnown && ProviderKeywords.ReadBool(info.Provider, entry.Value) is null)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when the string is one of several values a local takes (<c>var cs = "…SSL Mode=Disable"; if (secure) cs = "…";</c>):
        /// which one reaches the connection is not known.
        /// </summary>
        public static bool IsOneOfSeveralLocalValues(IOperation top, CancellationToken cancellationToken)
        {
            var parent = top.Parent;
            for (var depth = 0; parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation && depth < MaxParentDepth; depth++)
            {
                parent = parent.Parent;
            }

            ILocalSymbol? local = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation reference } => reference.Local,
                _ => null,
            };
            return local != null && ValueResolver.HasSeveralValues(local, top.SemanticModel, cancellationToken);
        }

        /// <summary>
        /// True when the string is handed straight to a provider the compilation knows (a constructor, <c>ConnectionString</c>
        /// setter, <c>UseNpgsql</c>…): that sink reads it with its real provider.
        /// </summary>
        public static bool FlowsStraightToSink(IOperation top, ConnectionStringSymbols? symbols)
        {
            if (symbols is null)
            {
                return false;
            }

            var current = top;
            var parent = top.Parent;
            for (var depth = 0; parent != null && depth < MaxParentDepth; depth++)
            {
                if (parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                    continue;
                }

                var consumer = parent is IArgumentOperation argument ? argument.Parent : parent;
                return consumer != null && symbols.TryGetConnectionStringSink(consumer, out var value, out _)
                    && (value == current || ValueResolver.Unwrap(value) == top);
            }

            return false;
        }
    }
}
