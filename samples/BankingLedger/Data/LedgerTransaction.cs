using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace BankingLedger.Data;

/// <summary>Whether a transaction adds money to the account or takes it out.</summary>
public enum TransactionType
{
    Credit,
    Debit,
}

/// <summary>One row of the ledger's <c>transactions</c> table.</summary>
[Table("transactions")]
public sealed class LedgerTransaction
{
    [Column("id")]
    public long Id { get; set; }

    [Column("account_id")]
    [MaxLength(34)]
    public required string AccountId { get; set; }

    [Column("booked_on")]
    public DateOnly Date { get; set; }

    [Column("description")]
    [MaxLength(140)]
    public required string Description { get; set; }

    [Column("type")]
    public TransactionType Type { get; set; }

    /// <summary>Always positive; <see cref="Type"/> gives the direction.</summary>
    [Column("amount", TypeName = "numeric(19,4)")]
    public decimal Amount { get; set; }
}
