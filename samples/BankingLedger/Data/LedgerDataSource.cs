using Npgsql;

namespace BankingLedger.Data;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> of the application (one connection pool, reused by every request).
/// The recommended shape: TLS that verifies the server's certificate and host name, no password in code or in
/// appsettings.json, and a password that is fetched again before it expires.
/// </summary>
public static class LedgerDataSource
{
    public static NpgsqlDataSource Create(IConfiguration configuration, IHostEnvironment environment, IDatabasePasswordSource passwords)
    {
        // Host, database and user come from configuration; the connection string there holds no password.
        var connectionString = configuration.GetConnectionString("Ledger")
            ?? throw new InvalidOperationException("ConnectionStrings:Ledger is not configured.");

        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // Encrypt and verify: the server must present a certificate from the RDS CA bundle that matches the host name.
        // (Only a local development database, see appsettings.Development.json, runs without TLS.)
        if (!environment.IsDevelopment())
        {
            builder.ConnectionStringBuilder.SslMode = SslMode.VerifyFull;
        }

        var rootCertificate = configuration["Ledger:RootCertificatePath"];
        if (!string.IsNullOrEmpty(rootCertificate))
        {
            builder.ConnectionStringBuilder.RootCertificate = rootCertificate;
        }

        // The password (a Secrets Manager value or an IAM authentication token) is fetched by a timer, never written here.
        builder.UsePeriodicPasswordProvider(
            (settings, cancellationToken) => passwords.GetPasswordAsync(settings.Host!, settings.Port, settings.Username!, cancellationToken),
            successRefreshInterval: TimeSpan.FromMinutes(10),
            failureRefreshInterval: TimeSpan.FromSeconds(10));

        return builder.Build();
    }
}
