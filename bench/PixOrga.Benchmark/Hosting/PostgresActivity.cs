using Npgsql;

namespace PixOrga.Benchmark.Hosting;

/// <summary>
/// Counters of the PostgreSQL server the bench owns, read before and after a phase. Commits are
/// pg_stat_database.xact_commit of the application database: every transaction that ended in a
/// commit, explicit or a single autocommitted statement (a plain SELECT counts). Writing
/// transactions are the transaction ids handed out (pg_current_snapshot's xmax moves by one per
/// transaction that wrote anything): those are the commits that flush the WAL.
/// </summary>
public sealed record PostgresActivity(long Commits, long Rollbacks, long NextTransactionId)
{
    public static async Task<PostgresActivity?> ReadAsync(string connectionString, string database)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            // Reading the snapshot assigns no transaction id, so the measure does not move itself.
            await using var command = new NpgsqlCommand(
                """
                SELECT xact_commit, xact_rollback, pg_snapshot_xmax(pg_current_snapshot())::text::bigint
                FROM pg_stat_database WHERE datname = @database
                """, connection);
            command.Parameters.AddWithValue("database", database);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? new PostgresActivity(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    public static PostgresActivity operator -(PostgresActivity end, PostgresActivity start) =>
        new(end.Commits - start.Commits, end.Rollbacks - start.Rollbacks, end.NextTransactionId - start.NextTransactionId);
}
