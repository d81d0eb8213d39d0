using PixOrga.Silo.Database;

namespace PixOrga.Silo.Hosting;

/// <summary>Stops the local PostgreSQL cluster when the silo stops, if this process started it.</summary>
internal sealed class LocalDatabaseLifetime(LocalPostgres postgres) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => postgres.StopAsync();
}
