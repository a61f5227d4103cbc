// assembly: MySql.EntityFrameworkCore
// API-surface stub of Oracle's EF Core MySQL provider entry point UseMySQL (not restorable here); shared api-facts §4.6.
// The analyzers recognise it by method name and parameters, not by the containing class.
#nullable enable
using System;
using System.Data.Common;
using MySql.EntityFrameworkCore.Infrastructure;

namespace MySql.EntityFrameworkCore.Infrastructure
{
    public class MySQLDbContextOptionsBuilder
    {
    }
}

namespace Microsoft.EntityFrameworkCore
{
    public static class MySQLDbContextOptionsExtensions
    {
        public static DbContextOptionsBuilder UseMySQL(this DbContextOptionsBuilder optionsBuilder, string connectionString, Action<MySQLDbContextOptionsBuilder>? mySqlOptionsAction = null) => throw null!;
        public static DbContextOptionsBuilder UseMySQL(this DbContextOptionsBuilder optionsBuilder, DbConnection connection, Action<MySQLDbContextOptionsBuilder>? mySqlOptionsAction = null) => throw null!;
    }
}
