using Microsoft.Extensions.Logging.Abstractions;
using PixOrga.Silo.Database;

namespace PixOrga.Tests.Database;

/// <summary>Each test runs a cluster of its own: these are about starting, reusing and stopping one.</summary>
public sealed class LocalPostgresTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "pixorga-tests-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private LocalPostgres? owner;

    private LocalPostgresOptions Options => new() { DataDirectory = dataDirectory, Database = "app", Durable = false };

    public async Task InitializeAsync() =>
        owner = await LocalPostgres.StartAsync(Options, NullLogger.Instance, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (owner is not null)
        {
            await owner.DeleteDataAsync();
        }
    }

    [Fact]
    public async Task StartAsync_FreshFolder_StartsClusterWithApplicationDatabase()
    {
        Assert.True(owner!.StartedByUs);

        var database = await SqlHelper.ScalarAsync<string>(owner.ConnectionString, "SELECT current_database()");
        var encoding = await SqlHelper.ScalarAsync<string>(owner.ConnectionString, "SHOW server_encoding");
        var listen = await SqlHelper.ScalarAsync<string>(owner.ConnectionString, "SHOW listen_addresses");

        Assert.Equal(("app", "UTF8", "127.0.0.1"), (database, encoding, listen));
    }

    [Fact]
    public async Task StartAsync_ClusterAlreadyRunning_ReusesItAndLeavesItRunning()
    {
        var second = await LocalPostgres.StartAsync(Options, NullLogger.Instance, CancellationToken.None);

        await second.DisposeAsync();

        Assert.False(second.StartedByUs);
        Assert.Equal(owner!.Port, second.Port);
        Assert.Equal(1, await SqlHelper.ScalarAsync<int>(owner.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task StartAsync_AfterStop_KeepsPortAndData()
    {
        await SqlHelper.ExecuteAsync(owner!.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        var port = owner.Port;
        await owner.StopAsync();

        owner = await LocalPostgres.StartAsync(Options, NullLogger.Instance, CancellationToken.None);

        Assert.True(owner.StartedByUs);
        Assert.Equal(port, owner.Port);
        Assert.Equal(42, await SqlHelper.ScalarAsync<int>(owner.ConnectionString, "SELECT id FROM kept"));
    }

    [Fact]
    public async Task StartAsync_TwoStartsAtOnce_OneStartsTheOtherReuses()
    {
        await owner!.StopAsync();

        var started = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => LocalPostgres.StartAsync(Options, NullLogger.Instance, CancellationToken.None))));

        Assert.Single(started, cluster => cluster.StartedByUs);
        Assert.Equal(started[0].Port, started[1].Port);
        owner = started.Single(cluster => cluster.StartedByUs);
    }
}
