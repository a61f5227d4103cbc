using BankingLedger.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BankingLedger.Ledger;

/// <summary>Reads and writes ledger transactions: EF Core for rows, plain SQL through the shared data source for totals.</summary>
public sealed class TransactionRepository
{
    private readonly LedgerDbContext _db;
    private readonly NpgsqlDataSource _dataSource;

    public TransactionRepository(LedgerDbContext db, NpgsqlDataSource dataSource)
    {
        _db = db;
        _dataSource = dataSource;
    }

    public Task<List<LedgerTransaction>> GetStatementAsync(string accountId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        return _db.Transactions
            .AsNoTracking()
            .Where(t => t.AccountId == accountId && t.Date >= from && t.Date <= to)
            .OrderBy(t => t.Date).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<LedgerTransaction> RecordAsync(NewTransaction request, CancellationToken cancellationToken)
    {
        var transaction = new LedgerTransaction
        {
            AccountId = request.AccountId,
            Date = request.Date,
            Description = request.Description,
            Type = request.Type,
            Amount = request.Amount,
        };
        _db.Transactions.Add(transaction);
        await _db.SaveChangesAsync(cancellationToken);
        return transaction;
    }

    public async Task<decimal> GetBalanceAsync(string accountId, CancellationToken cancellationToken)
    {
        // A pooled connection from the application's one data source, returned to the pool by the using declaration.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(SUM(CASE WHEN type = 'Credit' THEN amount ELSE -amount END), 0) FROM transactions WHERE account_id = @account",
            connection);
        command.Parameters.AddWithValue("account", accountId);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is decimal balance ? balance : 0m;
    }
}

/// <summary>The body of POST /accounts/{accountId}/transactions.</summary>
public sealed record NewTransaction(string AccountId, DateOnly Date, string Description, TransactionType Type, decimal Amount);
