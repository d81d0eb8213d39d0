using Npgsql;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Infrastructure;

/// <summary>
/// Runs database work for grains and turns "the database is not reachable" into the domain's
/// Unavailable error, so callers get a retryable UNAVAILABLE rather than an opaque failure.
/// </summary>
public static class Db
{
    public static async Task<T> Run<T>(this NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> work)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return await work(connection);
        }
        catch (NpgsqlException exception) when (IsUnavailable(exception))
        {
            throw CommonErrors.ServiceUnavailable();
        }
    }

    public static bool IsUnavailable(NpgsqlException exception) =>
        exception.IsTransient || exception.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException
        || exception is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08006" or "08001" };
}
