using DbUp;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PixOrga.Silo.Database;

/// <summary>
/// Brings a PostgreSQL database to the schema of this build: creates the database if needed, then
/// applies the embedded migration scripts that have not run yet, each in its own transaction.
/// </summary>
public static class DatabaseMigrator
{
    // Any constant works as long as every process of the application uses the same one.
    private const long MigrationLockKey = 0x5069_784F_7267_6101;

    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        await DatabaseCreator.EnsureExistsAsync(connectionString, logger, cancellationToken);

        // Silos started together on a fresh database would otherwise run the same scripts side by
        // side. The lock is tied to the session, so its connection must not be pooled: a pooled
        // connection would keep the lock while idle if the unlock were ever skipped.
        var lockConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var lockConnection = new NpgsqlConnection(lockConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteLockCommandAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            Upgrade(connectionString, logger);
        }
        finally
        {
            await ExecuteLockCommandAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private static void Upgrade(string connectionString, ILogger logger)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScripts(MigrationScripts.Load())
            .JournalToPostgresqlTable("public", "schema_versions")
            .WithTransactionPerScript()
            // Scripts use dollar quoting, which DbUp would otherwise take for its $variables$.
            .WithVariablesDisabled()
            .LogTo(logger)
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database migration failed on script '{result.ErrorScript?.Name}'.", result.Error);
        }
    }

    private static async Task ExecuteLockCommandAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        // Waiting for another silo's migrations is expected at start-up; the default 30 s is not enough for a big one.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
