using BankingLedger.Data;
using BankingLedger.Ledger;
using BankingLedger.Reporting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);

// One data source (one connection pool) for the whole application, built the recommended way.
builder.Services.AddSingleton<IDatabasePasswordSource, ConfigurationPasswordSource>();
builder.Services.AddSingleton(services => LedgerDataSource.Create(
    services.GetRequiredService<IConfiguration>(),
    services.GetRequiredService<IHostEnvironment>(),
    services.GetRequiredService<IDatabasePasswordSource>()));
builder.Services.AddDbContext<LedgerDbContext>((services, options) =>
    options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()));
builder.Services.AddScoped<TransactionRepository>();
builder.Services.AddSingleton<LegacyReportingConnections>();

var app = builder.Build();

var accounts = app.MapGroup("/accounts/{accountId}");

accounts.MapGet("/transactions", (string accountId, DateOnly from, DateOnly to, TransactionRepository repository, CancellationToken cancellationToken) =>
    repository.GetStatementAsync(accountId, from, to, cancellationToken));

accounts.MapPost("/transactions", async (string accountId, NewTransaction body, TransactionRepository repository, CancellationToken cancellationToken) =>
{
    if (body.Amount <= 0 || body.AccountId != accountId)
    {
        return Results.BadRequest("The amount must be positive and the account must match the route.");
    }

    var created = await repository.RecordAsync(body, cancellationToken);
    return Results.Created($"/accounts/{accountId}/transactions/{created.Id}", created);
});

accounts.MapGet("/balance", async (string accountId, TransactionRepository repository, CancellationToken cancellationToken) =>
    Results.Ok(new { accountId, balance = await repository.GetBalanceAsync(accountId, cancellationToken) }));

app.MapGet("/reports/daily-totals", async (DateOnly day, LegacyReportingConnections reporting, CancellationToken cancellationToken) =>
    Results.Ok(await reporting.GetDailyTotalsAsync(day, cancellationToken)));

app.Run();
