using Microsoft.Extensions.Logging.Abstractions;
using PixOrga.Silo.Database;

namespace PixOrga.Tests.Database;

/// <summary>
/// A throw-away PostgreSQL cluster for the whole test run: a temp folder, a free loopback port,
/// fsync off for speed, deleted at the end. Tests isolate themselves with a database each.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private LocalPostgres? postgres;

    public LocalPostgres Postgres => postgres ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public string ConnectionString => Postgres.ConnectionString;

    public async Task InitializeAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "pixorga-tests-pg-" + Guid.NewGuid().ToString("N")[..12]);
        postgres = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = dataDirectory, Database = "pixorga_tests", Durable = false },
            NullLogger.Instance,
            CancellationToken.None);
    }

    /// <summary>A connection string to a database that does not exist yet, under a unique name.</summary>
    public string NewDatabaseConnectionString() => Postgres.ConnectionStringFor("t_" + Guid.NewGuid().ToString("N"));

    /// <summary>A fresh database with every migration applied.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = NewDatabaseConnectionString();
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DeleteDataAsync();
        }
    }
}
