using Microsoft.EntityFrameworkCore;

namespace BankingLedger.Data;

public sealed class LedgerDbContext : DbContext
{
    public LedgerDbContext(DbContextOptions<LedgerDbContext> options)
        : base(options)
    {
    }

    public DbSet<LedgerTransaction> Transactions => Set<LedgerTransaction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerTransaction>(entity =>
        {
            entity.Property(t => t.Type).HasConversion<string>().HasMaxLength(6);
            entity.HasIndex(t => new { t.AccountId, t.Date });
        });
    }
}
