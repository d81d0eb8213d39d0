namespace PixOrga.Tests.Database;

/// <summary>The versioning rules of the membership queries, including under concurrent silos.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MembershipQueriesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string deploymentId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateMigratedDatabaseAsync();
        await MembershipQueries.RowsAsync(connectionString, "InsertMembershipVersionKey", ("DeploymentId", deploymentId));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task InsertMembershipVersion_CalledAgain_ReportsNotCreated()
    {
        var again = await MembershipQueries.RowsAsync(connectionString, "InsertMembershipVersionKey", ("DeploymentId", deploymentId));

        Assert.Equal(false, Assert.Single(again)[0]);
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task MembershipReadAll_NoSilos_ReturnsOneRowWithTheVersion()
    {
        var rows = await MembershipQueries.RowsAsync(connectionString, "MembershipReadAllKey", ("DeploymentId", deploymentId));

        var row = Assert.Single(rows);
        Assert.Equal(0, row[0]);
        Assert.Null(row[9]);
    }

    [Fact]
    public async Task InsertMembership_CurrentVersion_InsertsAndRaisesVersionByOne()
    {
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 0));

        Assert.Equal(1, await VersionAsync());
        Assert.Equal(1L, await SiloCountAsync());
    }

    [Fact]
    public async Task InsertMembership_StaleVersion_RefusedAndNothingChanged()
    {
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 0));

        Assert.False(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 22222, version: 0));

        Assert.Equal(1, await VersionAsync());
        Assert.Equal(1L, await SiloCountAsync());
    }

    [Fact]
    public async Task InsertMembership_RowAlreadyThere_RefusedAndVersionUnchanged()
    {
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 0));

        Assert.False(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 1));

        Assert.Equal(1, await VersionAsync());
    }

    [Fact]
    public async Task InsertMembership_ManySilosWithTheSameVersionAtOnce_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 20000 + i, version: 0))));

        Assert.Single(results, inserted => inserted);
        Assert.Equal(1, await VersionAsync());
        Assert.Equal(1L, await SiloCountAsync());
    }

    [Fact]
    public async Task UpdateMembership_ManyUpdatesWithTheSameVersionAtOnce_ExactlyOneWins()
    {
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 0));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => MembershipQueries.UpdateSiloAsync(connectionString, deploymentId, 11111, status: 3, version: 1))));

        Assert.Single(results, updated => updated);
        Assert.Equal(2, await VersionAsync());
    }

    [Fact]
    public async Task UpdateMembership_MissingRow_RefusedAndVersionUnchanged()
    {
        Assert.False(await MembershipQueries.UpdateSiloAsync(connectionString, deploymentId, 33333, status: 3, version: 0));

        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task UpdateIAmAliveTime_Heartbeat_LeavesVersionAlone()
    {
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 0));
        var later = DateTime.UtcNow.AddMinutes(1);

        await MembershipQueries.RowsAsync(
            connectionString, "UpdateIAmAlivetimeKey",
            ("DeploymentId", deploymentId), ("Address", "127.0.0.1"), ("Port", 11111), ("Generation", 1), ("IAmAliveTime", later));

        Assert.Equal(1, await VersionAsync());
        var stored = await SqlHelper.ScalarAsync<DateTime>(connectionString, "SELECT i_am_alive_time FROM orleans_membership WHERE port = 11111");
        Assert.Equal(later, stored, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_OldRows_RemovesOnlyThoseNotActive()
    {
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 0));
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 22222, version: 1));
        Assert.True(await MembershipQueries.UpdateSiloAsync(connectionString, deploymentId, 11111, status: 3, version: 2));
        Assert.True(await MembershipQueries.UpdateSiloAsync(connectionString, deploymentId, 22222, status: 6, version: 3));

        await MembershipQueries.RowsAsync(
            connectionString, "CleanupDefunctSiloEntriesKey", ("DeploymentId", deploymentId), ("IAmAliveTime", DateTime.UtcNow.AddMinutes(1)));

        var ports = await SqlHelper.RowsAsync(connectionString, "SELECT port FROM orleans_membership");
        Assert.Equal(11111, Assert.Single(ports)[0]);
        Assert.Equal(4, await VersionAsync());
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_Cluster_RemovesSilosAndVersion()
    {
        Assert.True(await MembershipQueries.InsertSiloAsync(connectionString, deploymentId, 11111, version: 0));

        await MembershipQueries.RowsAsync(connectionString, "DeleteMembershipTableEntriesKey", ("DeploymentId", deploymentId));

        Assert.Equal(0L, await SiloCountAsync());
        Assert.Equal(0L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_membership_version"));
    }

    private Task<int> VersionAsync() => SqlHelper.ScalarAsync<int>(
        connectionString, "SELECT version FROM orleans_membership_version WHERE deployment_id = @d", ("d", deploymentId));

    private Task<long> SiloCountAsync() => SqlHelper.ScalarAsync<long>(
        connectionString, "SELECT count(*) FROM orleans_membership WHERE deployment_id = @d", ("d", deploymentId));
}
