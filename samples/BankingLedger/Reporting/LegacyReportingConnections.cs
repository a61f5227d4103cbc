using Npgsql;

namespace BankingLedger.Reporting;

/// <summary>
/// Connections of the reporting job that was ported from an older service.
/// EVERY member marked "DELIBERATE ANTI-PATTERN" is wrong on purpose: the sample keeps them so that
/// `dotnet build samples/BankingLedger` shows what the DataLayerAnalyzers rules report. Do not copy them;
/// <see cref="BankingLedger.Data.LedgerDataSource"/> shows the recommended way.
/// </summary>
public sealed class LegacyReportingConnections
{
    // DELIBERATE ANTI-PATTERN (DLA2002): a literal password in a connection string in code. Anyone with the source
    // or the binary has the database password, and rotating it needs a release.
    private const string ArchiveConnectionString =
        "Host=ledger-archive.c1x2y3z4.eu-west-1.rds.amazonaws.com;Database=ledger;Username=report_reader;Password=Archive-2024!;SSL Mode=VerifyFull";

    // DELIBERATE ANTI-PATTERN (DLA3001): SSL Mode=Prefer silently falls back to an unencrypted connection.
    private const string ReplicaConnectionString =
        "Host=ledger-replica.c1x2y3z4.eu-west-1.rds.amazonaws.com;Database=ledger;Username=report_reader;SSL Mode=Prefer";

    // DELIBERATE ANTI-PATTERN (DLA3006): SSL Mode=Require encrypts, but Npgsql 8+ never checks who answers.
    private const string AuditConnectionString =
        "Host=ledger-audit.c1x2y3z4.eu-west-1.rds.amazonaws.com;Database=audit;Username=auditor;SSL Mode=Require";

    // DELIBERATE ANTI-PATTERN (DLA4001): Pooling=false opens a new physical connection (TLS and authentication
    // included) for every query.
    private const string ExportConnectionString =
        "Host=ledger-export.c1x2y3z4.eu-west-1.rds.amazonaws.com;Database=ledger;Username=exporter;SSL Mode=VerifyFull;Pooling=false";

    private readonly NpgsqlDataSource _warehouse;
    private readonly string? _replicaPassword;

    public LegacyReportingConnections(IConfiguration configuration)
    {
        _replicaPassword = configuration["Reporting:ReplicaPassword"];

        var warehouse = new NpgsqlDataSourceBuilder(configuration.GetConnectionString("Warehouse") ?? string.Empty);
        // DELIBERATE ANTI-PATTERN (DLA3002): a certificate validation callback that accepts every certificate,
        // so a server in the middle is trusted as much as the real database.
        warehouse.UseSslClientAuthenticationOptionsCallback(options =>
            options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true);

        _warehouse = warehouse.Build();
    }

    public NpgsqlConnection OpenArchive() => new(ArchiveConnectionString);

    public NpgsqlConnection OpenReplica()
    {
        var settings = new NpgsqlConnectionStringBuilder(ReplicaConnectionString) { Password = _replicaPassword };
        return new NpgsqlConnection(settings.ConnectionString);
    }

    public NpgsqlConnection OpenAudit() => new(AuditConnectionString);

    public NpgsqlConnection OpenExport() => new(ExportConnectionString);

    public async Task<IReadOnlyList<DailyTotal>> GetDailyTotalsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await _warehouse.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT type, SUM(amount) FROM transactions WHERE booked_on = @day GROUP BY type", connection);
        command.Parameters.AddWithValue("day", day);
        var totals = new List<DailyTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new DailyTotal(reader.GetString(0), reader.GetDecimal(1)));
        }

        return totals;
    }
}

public sealed record DailyTotal(string Type, decimal Amount);
