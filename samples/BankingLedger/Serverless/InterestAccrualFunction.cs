using Amazon.Lambda.Core;
using Npgsql;

namespace BankingLedger.Serverless
{
    /// <summary>
    /// A Lambda function that accrues the day's interest on every savings account. Lambda runs many executions of it at
    /// once when the nightly schedule fans out, and each execution has its own connection pool.
    /// </summary>
    public sealed class InterestAccrualFunction
    {
        // DELIBERATE ANTI-PATTERN (DLA4005): the function connects straight to the Aurora cluster endpoint, so a burst of
        // executions opens a burst of database connections and can exhaust the cluster's connection limit. The fix is an
        // infrastructure one: create an RDS Proxy for the cluster (CDK: cluster.AddProxy(...)) and use its endpoint,
        // "ledger-proxy.proxy-c9akciq32.eu-west-1.rds.amazonaws.com", here instead.
        private static readonly NpgsqlDataSource Ledger = NpgsqlDataSource.Create(
            "Host=ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com;Port=5432;Username=interest_accrual;Database=ledger;SSL Mode=VerifyFull");

        public async Task<int> HandleAsync(DateOnly day, ILambdaContext context)
        {
            await using var command = Ledger.CreateCommand(
                "INSERT INTO transactions (account_id, booked_on, description, type, amount) " +
                "SELECT id, @day, 'Interest', 'credit', round(balance * daily_rate, 2) FROM savings_accounts");
            command.Parameters.AddWithValue("day", day);
            return await command.ExecuteNonQueryAsync();
        }
    }
}
