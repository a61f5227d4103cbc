using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>
    /// The provider types a compilation references, resolved once per compilation, and the places where users write
    /// connection strings: constructors of connections, builders and data sources, <c>ConnectionString</c> setters,
    /// <c>NpgsqlDataSource.Create</c>, EF Core <c>UseNpgsql/UseSqlServer/UseMySql/UseMySQL</c>,
    /// <c>ConnectionMultiplexer.Connect[Async]</c> and <c>ConfigurationOptions.Parse</c>.
    /// </summary>
    internal sealed class ConnectionStringSymbols
    {
        private readonly Dictionary<INamedTypeSymbol, DbProvider> _providerTypes;
        private readonly Dictionary<INamedTypeSymbol, DbProvider> _builderTypes;
        private readonly Dictionary<INamedTypeSymbol, DbProvider> _efExtensionTypes;
        private readonly INamedTypeSymbol? _dbContextOptionsBuilder;

        private ConnectionStringSymbols(
            Dictionary<INamedTypeSymbol, DbProvider> providerTypes,
            Dictionary<INamedTypeSymbol, DbProvider> builderTypes,
            Dictionary<INamedTypeSymbol, DbProvider> efExtensionTypes,
            INamedTypeSymbol? dbContextOptionsBuilder,
            KnownTypes types)
        {
            _providerTypes = providerTypes;
            _builderTypes = builderTypes;
            _efExtensionTypes = efExtensionTypes;
            _dbContextOptionsBuilder = dbContextOptionsBuilder;
            Types = types;
            var sqlClient = types.Get("Microsoft.Data.SqlClient.SqlConnection");
            SqlClientEncryptsByDefault = sqlClient != null && sqlClient.ContainingAssembly.Identity.Version.Major >= 4;
        }

        public KnownTypes Types { get; }

        /// <summary>
        /// The referenced Microsoft.Data.SqlClient is 4.0 or later, where Encrypt defaults to true (Mandatory); before 4.0
        /// (and in System.Data.SqlClient) it defaults to false.
        /// </summary>
        public bool SqlClientEncryptsByDefault { get; }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Holder> Cache =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Holder>();

        /// <summary>
        /// Null when no supported provider is referenced: the rules then register nothing. Resolved once per compilation
        /// and shared by every connection-string rule.
        /// </summary>
        public static ConnectionStringSymbols? Create(Compilation compilation)
        {
            return Cache.GetValue(compilation, c => new Holder(Resolve(c))).Symbols;
        }

        private sealed class Holder
        {
            public Holder(ConnectionStringSymbols? symbols)
            {
                Symbols = symbols;
            }

            public ConnectionStringSymbols? Symbols { get; }
        }

        private static ConnectionStringSymbols? Resolve(Compilation compilation)
        {
            var types = new KnownTypes(compilation);
            var providers = new Dictionary<INamedTypeSymbol, DbProvider>(SymbolEqualityComparer.Default);
            var builders = new Dictionary<INamedTypeSymbol, DbProvider>(SymbolEqualityComparer.Default);
            var ef = new Dictionary<INamedTypeSymbol, DbProvider>(SymbolEqualityComparer.Default);

            void Add(Dictionary<INamedTypeSymbol, DbProvider> map, string metadataName, DbProvider provider)
            {
                var type = types.Get(metadataName);
                if (type != null)
                {
                    map[type] = provider;
                }
            }

            Add(providers, "Npgsql.NpgsqlConnection", DbProvider.Npgsql);
            Add(providers, "Npgsql.NpgsqlDataSource", DbProvider.Npgsql);
            Add(providers, "Npgsql.NpgsqlDataSourceBuilder", DbProvider.Npgsql);
            Add(providers, "Npgsql.NpgsqlSlimDataSourceBuilder", DbProvider.Npgsql);
            Add(providers, "Microsoft.Data.SqlClient.SqlConnection", DbProvider.SqlClient);
            Add(providers, "System.Data.SqlClient.SqlConnection", DbProvider.SystemDataSqlClient);
            Add(providers, "MySqlConnector.MySqlConnection", DbProvider.MySqlConnector);
            Add(providers, "MySqlConnector.MySqlDataSource", DbProvider.MySqlConnector);
            Add(providers, "MySqlConnector.MySqlDataSourceBuilder", DbProvider.MySqlConnector);
            Add(providers, "MySql.Data.MySqlClient.MySqlConnection", DbProvider.MySqlData);
            Add(providers, "StackExchange.Redis.ConnectionMultiplexer", DbProvider.Redis);

            Add(builders, "Npgsql.NpgsqlConnectionStringBuilder", DbProvider.Npgsql);
            Add(builders, "Microsoft.Data.SqlClient.SqlConnectionStringBuilder", DbProvider.SqlClient);
            Add(builders, "System.Data.SqlClient.SqlConnectionStringBuilder", DbProvider.SystemDataSqlClient);
            Add(builders, "MySqlConnector.MySqlConnectionStringBuilder", DbProvider.MySqlConnector);
            Add(builders, "MySql.Data.MySqlClient.MySqlConnectionStringBuilder", DbProvider.MySqlData);
            Add(builders, "StackExchange.Redis.ConfigurationOptions", DbProvider.Redis);

            Add(ef, "Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions", DbProvider.Npgsql);
            Add(ef, "Microsoft.EntityFrameworkCore.SqlServerDbContextOptionsExtensions", DbProvider.SqlClient);
            Add(ef, "Microsoft.EntityFrameworkCore.MySqlDbContextOptionsBuilderExtensions", DbProvider.MySqlConnector);

            if (providers.Count == 0 && builders.Count == 0 && ef.Count == 0)
            {
                return null;
            }

            return new ConnectionStringSymbols(providers, builders, ef, types.Get("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder"), types);
        }

        /// <summary>The provider of a connection, data source or connection-string builder type (or a type derived from one).</summary>
        public bool TryGetProvider(ITypeSymbol? type, out DbProvider provider)
        {
            provider = default;
            if (!(type is INamedTypeSymbol named))
            {
                return false;
            }

            // Every connection-string rule asks this of every object creation: the walk up the base types is made once per type.
            if (!_providerOfType.TryGetValue(named, out var known))
            {
                known = -1;
                for (var current = named; current != null; current = current.BaseType)
                {
                    if (_providerTypes.TryGetValue(current.OriginalDefinition, out var found) || _builderTypes.TryGetValue(current.OriginalDefinition, out found))
                    {
                        known = (int)found;
                        break;
                    }
                }

                _providerOfType.TryAdd(named, known);
            }

            if (known < 0)
            {
                return false;
            }

            provider = (DbProvider)known;
            return true;
        }

        /// <summary>What <see cref="TryGetProvider"/> found for each type asked about: the provider, or -1 for none.</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, int> _providerOfType =
            new System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);

        /// <summary>The provider of a typed connection-string builder (or Redis ConfigurationOptions).</summary>
        public bool TryGetBuilderProvider(ITypeSymbol? type, out DbProvider provider)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                if (_builderTypes.TryGetValue(current.OriginalDefinition, out provider))
                {
                    return true;
                }
            }

            provider = default;
            return false;
        }

        /// <summary>
        /// For a constructor call, method call or <c>ConnectionString</c> assignment that takes a connection string,
        /// the string argument (or assigned value) and the provider that will read it.
        /// </summary>
        public bool TryGetConnectionStringSink(IOperation operation, out IOperation value, out DbProvider provider)
        {
            value = null!;
            provider = default;
            switch (operation.Kind)
            {
                case OperationKind.ObjectCreation when ((IObjectCreationOperation)operation).Constructor is { } constructor:
                    return TryGetProvider(constructor.ContainingType, out provider)
                        && TryFindStringArgument(((IObjectCreationOperation)operation).Arguments, provider, out value);

                case OperationKind.Invocation:
                    {
                        var invocation = (IInvocationOperation)operation;
                        // The name first: it is the cheapest look, and almost every call of a code base fails it.
                        var method = invocation.TargetMethod;
                        var name = method.Name;
                        var containing = method.ContainingType;
                        if (containing is null)
                        {
                            return false;
                        }

                        if (name.StartsWith("Use", System.StringComparison.Ordinal))
                        {
                            // EF Core's UseNpgsql / UseSqlServer / UseAzureSql / UseMySql, and Oracle's UseMySQL.
                            return (_efExtensionTypes.TryGetValue(containing.OriginalDefinition, out provider)
                                    || (name == "UseMySQL" && IsDbContextOptionsExtension(method) && AssignProvider(DbProvider.MySqlData, out provider)))
                                && TryFindStringArgument(invocation.Arguments, provider, out value);
                        }

                        return (name == "Create" || name == "Connect" || name == "ConnectAsync" || name == "Parse")
                            && method.IsStatic && TryGetProvider(containing, out provider)
                            && TryFindStringArgument(invocation.Arguments, provider, out value);
                    }

                case OperationKind.SimpleAssignment when operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    && property.Property.Name == "ConnectionString" && property.Property.Type.SpecialType == SpecialType.System_String:
                    value = assignment.Value;
                    return TryGetProvider(property.Instance?.Type ?? property.Property.ContainingType, out provider);

                default:
                    return false;
            }
        }

        /// <summary>An assignment to a typed builder property (<c>builder.SslMode = …</c>, <c>options.Ssl = …</c>).</summary>
        public bool TryGetTypedSetting(IOperation operation, out TypedSetting setting)
        {
            setting = null!;
            if (!(operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment))
            {
                return false;
            }

            if (!IsTypedSettingName(property.Property.Name))
            {
                return false;
            }

            var receiverType = property.Instance?.Type ?? property.Property.ContainingType;
            if (!TryGetBuilderProvider(receiverType, out var provider))
            {
                return false;
            }

            var kind = TypedPropertySetting(provider, property.Property.Name);
            if (kind == ConnectionSetting.Other)
            {
                return false;
            }

            setting = new TypedSetting(provider, kind, property.Property, assignment);
            return true;
        }

        /// <summary>The property names <see cref="TypedPropertySetting"/> knows for some provider: a cheap look before the receiver's type is.</summary>
        private static bool IsTypedSettingName(string name)
        {
            switch (name)
            {
                case "SslMode":
                case "Encrypt":
                case "TrustServerCertificate":
                case "Pooling":
                case "Password":
                case "IntegratedSecurity":
                case "Ssl":
                case "Host":
                case "DataSource":
                case "Server":
                    return true;
                default:
                    return false;
            }
        }

        private static ConnectionSetting TypedPropertySetting(DbProvider provider, string name)
        {
            switch (name)
            {
                case "SslMode": return ConnectionSetting.SslMode;
                case "Encrypt": return ConnectionSetting.Encrypt;
                case "TrustServerCertificate": return ConnectionSetting.TrustServerCertificate;
                case "Pooling": return ConnectionSetting.Pooling;
                case "Password": return ConnectionSetting.Password;
                case "IntegratedSecurity": return ConnectionSetting.IntegratedSecurity;
                case "Ssl" when provider == DbProvider.Redis: return ConnectionSetting.RedisSsl;
                case "Host" when provider == DbProvider.Npgsql: return ConnectionSetting.Host;
                case "DataSource" when provider == DbProvider.SqlClient || provider == DbProvider.SystemDataSqlClient: return ConnectionSetting.Host;
                case "Server" when provider == DbProvider.MySqlConnector || provider == DbProvider.MySqlData: return ConnectionSetting.Host;
                default: return ConnectionSetting.Other;
            }
        }

        private bool IsDbContextOptionsExtension(IMethodSymbol method)
        {
            return method.IsExtensionMethod && method.Parameters.Length > 0 && method.Parameters[0].Type.IsOrDerivesFrom(_dbContextOptionsBuilder);
        }

        private static bool AssignProvider(DbProvider value, out DbProvider provider)
        {
            provider = value;
            return true;
        }

        private static bool TryFindStringArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, DbProvider provider, out IOperation value)
        {
            // Connection-string parameters are named connectionString (connStr in MySql.Data); Redis calls it configuration.
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && argument.Parameter.Type.SpecialType == SpecialType.System_String
                    && (provider == DbProvider.Redis
                        ? string.Equals(argument.Parameter.Name, "configuration", StringComparison.Ordinal)
                        : argument.Parameter.Name.StartsWith("conn", StringComparison.OrdinalIgnoreCase)))
                {
                    value = argument.Value;
                    return true;
                }
            }

            value = null!;
            return false;
        }
    }

    /// <summary>A typed connection setting assigned in code, e.g. <c>builder.SslMode = SslMode.Disable</c>.</summary>
    internal sealed class TypedSetting
    {
        public TypedSetting(DbProvider provider, ConnectionSetting setting, IPropertySymbol property, ISimpleAssignmentOperation assignment)
        {
            Provider = provider;
            Setting = setting;
            Property = property;
            Assignment = assignment;
        }

        public DbProvider Provider { get; }

        public ConnectionSetting Setting { get; }

        public IPropertySymbol Property { get; }

        public ISimpleAssignmentOperation Assignment { get; }

        public IOperation Value => Assignment.Value;
    }
}
