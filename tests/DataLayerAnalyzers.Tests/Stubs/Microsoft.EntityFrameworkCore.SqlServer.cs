// assembly: Microsoft.EntityFrameworkCore.SqlServer
// API-surface stub of the EF Core SQL Server provider's entry points (not restorable here); shared api-facts §4.6.
#nullable enable
using System;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore.Infrastructure
{
    public class SqlServerDbContextOptionsBuilder
    {
    }
}

namespace Microsoft.EntityFrameworkCore
{
    public static class SqlServerDbContextOptionsExtensions
    {
        public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, string? connectionString, Action<SqlServerDbContextOptionsBuilder>? sqlServerOptionsAction = null) => throw null!;
        public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, DbConnection connection, Action<SqlServerDbContextOptionsBuilder>? sqlServerOptionsAction = null) => throw null!;
        public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, DbConnection connection, bool contextOwnsConnection, Action<SqlServerDbContextOptionsBuilder>? sqlServerOptionsAction = null) => throw null!;
        public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, Action<SqlServerDbContextOptionsBuilder>? sqlServerOptionsAction = null) => throw null!;
    }
}
