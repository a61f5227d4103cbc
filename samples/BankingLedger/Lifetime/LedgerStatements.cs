using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace BankingLedger.Lifetime;

/// <summary>The PostgreSQL data source of the ledger: built once.</summary>
public static class LedgerDataSources
{
    public const string ConnectionString = "Host=ledger-db;Database=ledger;Username=ledger_app;SSL Mode=VerifyFull";

    // Correct: a factory method; the registration in AddLedgerLifetime calls it once.
    public static NpgsqlDataSource Create() => NpgsqlDataSource.Create(ConnectionString);
}

/// <summary>
/// Account statements over minimal APIs. Shows DLA4003 (a connection pool per request) and DLA4004 (a connection not
/// released on every path) beside the correct code.
/// </summary>
public static class LedgerStatementEndpoints
{
    public static IEndpointRouteBuilder MapLedgerStatements(this IEndpointRouteBuilder endpoints)
    {
        // Correct: the shared data source is injected; the connection goes back to the pool on every path.
        endpoints.MapGet("/statements/{accountId:guid}/balance", async (Guid accountId, NpgsqlDataSource dataSource) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("select coalesce(sum(amount), 0) from ledger_entries where account_id = $1", connection);
            command.Parameters.AddWithValue(accountId);
            return Results.Ok((decimal)(await command.ExecuteScalarAsync())!);
        });

        // DLA4003: a new pool (and new physical connections) on every request.
        endpoints.MapGet("/statements/{accountId:guid}/count", async (Guid accountId) =>
        {
            await using var dataSource = NpgsqlDataSource.Create(LedgerDataSources.ConnectionString);
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("select count(*) from ledger_entries where account_id = $1", connection);
            command.Parameters.AddWithValue(accountId);
            return Results.Ok((long)(await command.ExecuteScalarAsync())!);
        });

        // DLA4004: closed on the success path only; an exception or the early return leaks the pooled connection.
        endpoints.MapPost("/statements/{accountId:guid}/close", async (Guid accountId, NpgsqlDataSource dataSource) =>
        {
            var connection = await dataSource.OpenConnectionAsync();
            if (accountId == Guid.Empty)
            {
                return Results.BadRequest();
            }

            await using var command = new NpgsqlCommand("update accounts set closed = true where id = $1", connection);
            command.Parameters.AddWithValue(accountId);
            await command.ExecuteNonQueryAsync();
            await connection.CloseAsync();
            return Results.NoContent();
        });

        return endpoints;
    }
}
