using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace PixOrga.Tests.Database;

/// <summary>
/// The providers must refuse to start on a database that lacks any query they need. They are
/// initialised on their own rather than through a whole silo: a silo whose start failed keeps a
/// core busy until the process exits, which would slow every later test.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StartupValidationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string id = Guid.NewGuid().ToString("N")[..8];
    private AdoNetSilo? healthySilo;

    public static TheoryData<string> ClusteringQueryKeys => new()
    {
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
    };

    public static TheoryData<string> StorageQueryKeys => new()
    {
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
    };

    private ClusterOptions Cluster => new() { ClusterId = "cluster-" + id, ServiceId = "svc-" + id };

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        healthySilo = await AdoNetSilo.StartAsync(connectionString, Cluster.ClusterId, Cluster.ServiceId, deleteStateOnClear: true);
    }

    public async Task DisposeAsync()
    {
        if (healthySilo is not null)
        {
            await healthySilo.DisposeAsync();
        }
    }

    [Fact]
    public async Task StartAsync_AllQueryRowsPresent_StartsAndDeletesStateOnClear()
    {
        var grain = healthySilo!.Grains.GetGrain<IStateProbeGrain>("uai:0751234A");

        await grain.WriteAsync("first");
        await grain.ClearAsync();

        Assert.Null(await grain.GetValueAsync());
    }

    [Fact]
    public async Task InitializeProviders_AllQueryRowsPresent_Succeed()
    {
        var connectionString = await DatabaseWithoutAsync("no such key");
        var lifecycle = new RecordingLifecycle();
        CreateStorage(connectionString).Participate(lifecycle);

        await CreateClusteringTable(connectionString).InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None);
        await lifecycle.StartAsync();
    }

    [Theory]
    [MemberData(nameof(ClusteringQueryKeys))]
    public async Task InitializeMembershipTable_QueryRowMissing_ThrowsNamingIt(string queryKey)
    {
        var connectionString = await DatabaseWithoutAsync(queryKey);
        var table = CreateClusteringTable(connectionString);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => table.InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None));

        Assert.Contains(queryKey, exception.Message);
    }

    [Theory]
    [MemberData(nameof(StorageQueryKeys))]
    public async Task InitGrainStorage_QueryRowMissing_Throws(string queryKey)
    {
        var connectionString = await DatabaseWithoutAsync(queryKey);
        var lifecycle = new RecordingLifecycle();
        CreateStorage(connectionString).Participate(lifecycle);

        var exception = await Record.ExceptionAsync(() => lifecycle.StartAsync());

        Assert.True(exception is InvalidOperationException or ArgumentException, exception?.ToString() ?? "no exception");
    }

    private AdoNetClusteringTable CreateClusteringTable(string connectionString) => new(
        healthySilo!.Services,
        Options.Create(Cluster),
        Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = connectionString }),
        NullLogger<AdoNetClusteringTable>.Instance);

    private AdoNetGrainStorage CreateStorage(string connectionString) => new(
        healthySilo!.Services.GetRequiredService<IActivatorProvider>(),
        NullLogger<AdoNetGrainStorage>.Instance,
        Options.Create(new AdoNetGrainStorageOptions
        {
            Invariant = "Npgsql",
            ConnectionString = connectionString,
            // DeleteStorageKey is only loaded by a provider that deletes rows on clear.
            DeleteStateOnClear = true,
            GrainStorageSerializer = healthySilo.Services.GetRequiredService<IGrainStorageSerializer>(),
        }),
        Options.Create(Cluster),
        "Default");

    private async Task<string> DatabaseWithoutAsync(string queryKey)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await SqlHelper.ExecuteAsync(connectionString, "DELETE FROM OrleansQuery WHERE QueryKey = @k", ("k", queryKey));
        return connectionString;
    }

    /// <summary>Runs the start steps a provider registers, as the silo would, without a silo.</summary>
    private sealed class RecordingLifecycle : ISiloLifecycle
    {
        private readonly List<(int Stage, ILifecycleObserver Observer)> observers = [];

        public int HighestCompletedStage => 0;

        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            observers.Add((stage, observer));
            return new CancellationTokenSource();
        }

        public async Task StartAsync()
        {
            foreach (var (_, observer) in observers.OrderBy(entry => entry.Stage))
            {
                await observer.OnStart(CancellationToken.None);
            }
        }
    }
}
