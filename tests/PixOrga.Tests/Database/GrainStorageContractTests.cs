using Orleans.Storage;

namespace PixOrga.Tests.Database;

/// <summary>The storage queries of the migrations, driven through the real ADO.NET grain storage provider.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStorageContractTests(PostgresFixture postgres) : IAsyncLifetime
{
    // A string key, a key the provider takes for a hex integer, and an integer key with an extension.
    public static TheoryData<string> Keys => new() { "uai:0751234A", "0751234A", "751234A+cm2" };

    private readonly string serviceId = "svc-" + Guid.NewGuid().ToString("N")[..8];
    private string connectionString = "";
    private AdoNetSilo? silo;

    private IGrainFactory Grains => silo!.Grains;

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateMigratedDatabaseAsync();
        silo = await AdoNetSilo.StartAsync(connectionString, "cluster-" + serviceId, serviceId);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task WriteStateAsync_AfterReactivation_ReadsStoredValue(string key)
    {
        await Grains.GetGrain<IStateProbeGrain>(key).WriteAsync("first");

        await ReactivateAsync(key);

        Assert.Equal("first", await Grains.GetGrain<IStateProbeGrain>(key).GetValueAsync());
        Assert.Equal(1, await StoredVersionAsync());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task WriteStateAsync_VersionMovedBehindGrain_ThrowsAndLeavesRowUntilReread(string key)
    {
        var grain = Grains.GetGrain<IStateProbeGrain>(key);
        await grain.WriteAsync("first");
        await SqlHelper.ExecuteAsync(connectionString, "UPDATE orleans_storage SET version = version + 1 WHERE service_id = @s", ("s", serviceId));
        var payloadBefore = await StoredPayloadAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.WriteAsync("second"));

        Assert.Equal(payloadBefore, await StoredPayloadAsync());
        Assert.Equal(2, await StoredVersionAsync());
        await grain.ReloadAsync();
        await grain.WriteAsync("third");
        await ReactivateAsync(key);
        Assert.Equal("third", await Grains.GetGrain<IStateProbeGrain>(key).GetValueAsync());
        Assert.Equal(3, await StoredVersionAsync());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task ClearStateAsync_WrittenState_ReadsDefaultAndAcceptsNewWrite(string key)
    {
        var grain = Grains.GetGrain<IStateProbeGrain>(key);
        await grain.WriteAsync("first");

        await grain.ClearAsync();
        await ReactivateAsync(key);

        Assert.Null(await grain.GetValueAsync());
        Assert.False(await grain.RecordExistsAsync());
        Assert.Null(await StoredPayloadAsync());
        Assert.Equal(2, await StoredVersionAsync());
        await grain.WriteAsync("again");
        await ReactivateAsync(key);
        Assert.Equal("again", await grain.GetValueAsync());
        Assert.Equal(3, await StoredVersionAsync());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task WriteStateAsync_RowDeletedThenRestoredBehindGrain_Throws(string key)
    {
        var grain = Grains.GetGrain<IStateProbeGrain>(key);
        await grain.WriteAsync("first");
        var saved = await SqlHelper.RowsAsync(connectionString, "SELECT service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version FROM orleans_storage WHERE service_id = @s", ("s", serviceId));
        await SqlHelper.ExecuteAsync(connectionString, "DELETE FROM orleans_storage WHERE service_id = @s", ("s", serviceId));
        await grain.ReloadAsync();
        await RestoreRowAsync(saved[0]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.WriteAsync("second"));

        Assert.Equal(1, await StoredVersionAsync());
    }

    [Fact]
    public async Task WriteStateAsync_HexLookingStringKey_IsStoredAsAnInteger()
    {
        await Grains.GetGrain<IStateProbeGrain>("0751234A").WriteAsync("first");

        var row = Assert.Single(await SqlHelper.RowsAsync(
            connectionString,
            "SELECT grain_id_n0, grain_id_n1, grain_id_extension, grain_type FROM orleans_storage WHERE service_id = @s",
            ("s", serviceId)));
        Assert.Equal([0L, 0x751234AL, null, StateProbeGrain.StateName], row);
    }

    [Fact]
    public async Task WriteStateAsync_SystemTextJsonSerializer_StoresPlainJson()
    {
        await Grains.GetGrain<IStateProbeGrain>("uai:0751234A").WriteAsync("École");

        var payload = await StoredPayloadAsync();

        // The Newtonsoft default would add "$type" with assembly-qualified names, which break on a rename.
        using var json = System.Text.Json.JsonDocument.Parse(payload!);
        Assert.Equal("École", json.RootElement.GetProperty("Value").GetString());
        Assert.Single(json.RootElement.EnumerateObject());
    }

    private async Task ReactivateAsync(string key)
    {
        await Grains.GetGrain<IStateProbeGrain>(key).DeactivateAsync();
        // Deactivation completes after the call returns; a call made meanwhile would reach the old activation.
        await Task.Delay(200);
    }

    private Task<int> StoredVersionAsync() =>
        SqlHelper.ScalarAsync<int>(connectionString, "SELECT version FROM orleans_storage WHERE service_id = @s", ("s", serviceId));

    private Task<byte[]?> StoredPayloadAsync() =>
        SqlHelper.ScalarAsync<byte[]>(connectionString, "SELECT payload FROM orleans_storage WHERE service_id = @s", ("s", serviceId));

    private Task RestoreRowAsync(object?[] row) => SqlHelper.ExecuteAsync(
        connectionString,
        "INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version) " +
        "VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i)",
        ("a", row[0]), ("b", row[1]), ("c", row[2]), ("d", row[3]), ("e", row[4]), ("f", row[5]), ("g", row[6]), ("h", row[7]), ("i", row[8]));
}
