namespace BankingLedger.Data;

/// <summary>Where the database password comes from at run time.</summary>
public interface IDatabasePasswordSource
{
    ValueTask<string> GetPasswordAsync(string host, int port, string user, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the password from configuration, which the deployment fills from Secrets Manager (for example through a
/// configuration provider or an environment variable injected by the container platform).
/// With IAM database authentication, replace this class with one that returns
/// <c>RDSAuthTokenGenerator.GenerateAuthTokenAsync(host, port, user)</c> from AWSSDK.RDS: the token lives 15 minutes,
/// which is why <see cref="LedgerDataSource"/> refreshes it with <c>UsePeriodicPasswordProvider</c>.
/// </summary>
public sealed class ConfigurationPasswordSource : IDatabasePasswordSource
{
    private readonly IConfiguration _configuration;

    public ConfigurationPasswordSource(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    public ValueTask<string> GetPasswordAsync(string host, int port, string user, CancellationToken cancellationToken)
    {
        var password = _configuration["Ledger:DatabasePassword"]
            ?? throw new InvalidOperationException("Ledger:DatabasePassword is not configured (set it from Secrets Manager).");
        return ValueTask.FromResult(password);
    }
}
