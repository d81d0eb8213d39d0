using Microsoft.Extensions.Logging;
using Npgsql;

namespace PixOrga.Silo.Database;

/// <summary>Creates the application database when the server does not have it yet.</summary>
internal static class DatabaseCreator
{
    private const string DuplicateDatabase = "42P04";
    private const string UniqueViolation = "23505";

    public static async Task EnsureExistsAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var databaseName = target.Database;
        if (string.IsNullOrEmpty(databaseName))
        {
            throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", databaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }
        }

        // CREATE DATABASE takes no parameters; quoting the identifier keeps any name safe.
        var quotedName = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database {Database}", databaseName);
        }
        catch (PostgresException exception) when (exception.SqlState is DuplicateDatabase or UniqueViolation)
        {
            // Another silo starting at the same moment created it first.
        }
    }
}
