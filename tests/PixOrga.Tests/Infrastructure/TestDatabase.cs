using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PixOrga.Silo.Database;

namespace PixOrga.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL cluster for the whole test run, started from the machine's binaries
/// on a free loopback port and removed at exit; every fixture gets a database of its own in it.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<LocalPostgres>> Cluster = new(StartAsync);

    public static async Task<string> CreateAsync()
    {
        var cluster = await Cluster.Value;
        var name = "pixorga_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(cluster.ConnectionStringFor("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return cluster.ConnectionStringFor(name);
    }

    public static async Task<LocalPostgres> ClusterAsync() => await Cluster.Value;

    private static async Task<LocalPostgres> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pixorga-pg-" + Guid.NewGuid().ToString("N"));
        var cluster = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = directory, Port = 0, Durable = false },
            NullLogger.Instance,
            CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            cluster.StopAsync().GetAwaiter().GetResult();
            cluster.DeleteDataAsync().GetAwaiter().GetResult();
        };
        return cluster;
    }
}
