// assembly: Pomelo.EntityFrameworkCore.MySql
// references: MySqlConnector
// API-surface stub of Pomelo's EF Core MySQL entry points (not restorable here); shared api-facts §4.6.
#nullable enable
using System;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore.Infrastructure
{
    public class MySqlDbContextOptionsBuilder
    {
    }
}

namespace Microsoft.EntityFrameworkCore
{
    public abstract class ServerVersion
    {
        public static ServerVersion AutoDetect(string connectionString) => throw null!;
    }

    public static class MySqlDbContextOptionsBuilderExtensions
    {
        public static DbContextOptionsBuilder UseMySql(this DbContextOptionsBuilder optionsBuilder, string connectionString, ServerVersion serverVersion, Action<MySqlDbContextOptionsBuilder>? mySqlOptionsAction = null) => throw null!;
        public static DbContextOptionsBuilder UseMySql(this DbContextOptionsBuilder optionsBuilder, DbConnection connection, ServerVersion serverVersion, Action<MySqlDbContextOptionsBuilder>? mySqlOptionsAction = null) => throw null!;
        public static DbContextOptionsBuilder UseMySql(this DbContextOptionsBuilder optionsBuilder, ServerVersion serverVersion, Action<MySqlDbContextOptionsBuilder>? mySqlOptionsAction = null) => throw null!;
    }
}
