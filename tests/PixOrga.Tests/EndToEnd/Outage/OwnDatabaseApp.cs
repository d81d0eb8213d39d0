using Microsoft.Extensions.Logging.Abstractions;
using PixOrga.Silo.Database;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Outage;

/// <summary>PixOrga on a PostgreSQL cluster of its own, so a test can stop and restart the database.</summary>
public sealed class OwnDatabaseApp : PixOrgaApp
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pixorga-outage-" + Guid.NewGuid().ToString("N"));

    public LocalPostgres Postgres { get; private set; } = null!;

    public async Task RestartDatabaseAsync()
    {
        Postgres = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = directory, Port = Postgres.Port, Durable = false },
            NullLogger.Instance,
            CancellationToken.None);
    }

    protected override async Task<string> CreateDatabaseAsync()
    {
        Postgres = await LocalPostgres.StartAsync(
            new LocalPostgresOptions { DataDirectory = directory, Port = 0, Durable = false },
            NullLogger.Instance,
            CancellationToken.None);
        return Postgres.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Postgres.DeleteDataAsync();
    }
}
