using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace BankingLedger.Lifetime;

/// <summary>
/// Archived ledger entries in DynamoDB. Shows DLA4002 (a client per request) beside the injected, long-lived client,
/// and DLA2001 / DLA3003 (hard-coded key, plain HTTP) beside the default credential chain and DynamoDB Local.
/// </summary>
[ApiController]
[Route("archive")]
public sealed class LedgerArchiveController : ControllerBase
{
    private readonly IAmazonDynamoDB _dynamo;

    public LedgerArchiveController(IAmazonDynamoDB dynamo)
    {
        _dynamo = dynamo;
    }

    // Correct: the client registered once in AddLedgerLifetime is injected.
    [HttpGet("{accountId}")]
    public async Task<IActionResult> GetArchived(string accountId)
    {
        var response = await _dynamo.GetItemAsync(ArchiveTable.Name, ArchiveTable.Key(accountId));
        return response.Item is null ? NotFound() : Ok(response.Item.Count);
    }

    // DLA4002: a new client (configuration, credentials, HTTP connection pool) on every request.
    [HttpDelete("{accountId}")]
    public async Task<IActionResult> Purge(string accountId)
    {
        using var client = new AmazonDynamoDBClient(RegionEndpoint.EUWest1);
        await client.DeleteItemAsync(ArchiveTable.Name, ArchiveTable.Key(accountId));
        return NoContent();
    }
}

internal static class ArchiveTable
{
    public const string Name = "LedgerArchive";

    public static Dictionary<string, AttributeValue> Key(string accountId) =>
        new() { ["AccountId"] = new AttributeValue { S = accountId } };
}

public static class LedgerLifetimeRegistration
{
    /// <summary>Startup code: runs once, so the clients created here are the shared ones.</summary>
    public static IServiceCollection AddLedgerLifetime(this IServiceCollection services, bool useDynamoDbLocal)
    {
        // Correct: one client for the application, credentials from the default chain (IAM role in production).
        services.AddSingleton<IAmazonDynamoDB>(_ => useDynamoDbLocal
            ? new AmazonDynamoDBClient("fake", "fake", new AmazonDynamoDBConfig { ServiceURL = "http://localhost:8000" })
            : new AmazonDynamoDBClient(RegionEndpoint.EUWest1));
        services.AddSingleton(_ => LedgerDataSources.Create());
        return services;
    }
}

/// <summary>A reporting client an earlier version of the app built by hand.</summary>
public static class LegacyReportingClient
{
    // Correct: the SDK v4 default credential chain instead of keys.
    public static AWSCredentials Credentials() => DefaultAWSCredentialsIdentityResolver.GetCredentials();

    // DLA2001: a secret access key in code (fake value of the right shape) — the key ID comes from the environment.
    public static IAmazonDynamoDB CreateWithKeys() => new AmazonDynamoDBClient(
        Environment.GetEnvironmentVariable("LEDGER_REPORTING_KEY_ID") ?? string.Empty,
        "ThisIsNotARealSecretKey0ForTheLedgerDemo",
        RegionEndpoint.EUWest1);

    // DLA3003: requests to the regional endpoint in clear text.
    public static AmazonDynamoDBConfig InsecureConfig() => new() { RegionEndpoint = RegionEndpoint.EUWest1, UseHttp = true };

    // Correct: plain HTTP only to DynamoDB Local on this machine.
    public static AmazonDynamoDBConfig LocalConfig() => new() { ServiceURL = "http://localhost:8000" };
}
