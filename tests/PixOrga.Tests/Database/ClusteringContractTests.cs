namespace PixOrga.Tests.Database;

/// <summary>The membership queries of the migrations, driven through the real ADO.NET clustering provider.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusteringContractTests(PostgresFixture postgres)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task StartAsync_TwoSilos_BothActiveAsGatewaysWithVersionCountingEveryChange()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];

        await using var first = await AdoNetSilo.StartAsync(connectionString, clusterId, "svc");
        await using var second = await AdoNetSilo.StartAsync(connectionString, clusterId, "svc");

        var statuses = await SqlHelper.RowsAsync(
            connectionString, "SELECT port, status FROM orleans_membership WHERE deployment_id = @d ORDER BY port", ("d", clusterId));
        Assert.Equal(
            new[] { first.SiloPort, second.SiloPort }.Order(),
            statuses.Select(row => (int)row[0]!));
        Assert.All(statuses, row => Assert.Equal(Active, (int)row[1]!));
        // Each silo at least inserted its row and then declared itself active.
        var version = await SqlHelper.ScalarAsync<int>(connectionString, "SELECT version FROM orleans_membership_version WHERE deployment_id = @d", ("d", clusterId));
        Assert.True(version >= 4, $"version {version}");
        var gateways = await MembershipQueries.RowsAsync(connectionString, "GatewaysQueryKey", ("DeploymentId", clusterId), ("Status", Active));
        Assert.Equal(2, gateways.Count);
    }

    [Fact]
    public async Task StopAsync_OneOfTwoSilos_ItsRowBecomesDeadAndTheOtherStaysActive()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        await using var survivor = await AdoNetSilo.StartAsync(connectionString, clusterId, "svc");
        var leaving = await AdoNetSilo.StartAsync(connectionString, clusterId, "svc");

        await leaving.DisposeAsync();

        var status = await SqlHelper.ScalarAsync<int>(
            connectionString, "SELECT status FROM orleans_membership WHERE deployment_id = @d AND port = @p", ("d", clusterId), ("p", leaving.SiloPort));
        Assert.Equal(Dead, status);
        var survivorStatus = await SqlHelper.ScalarAsync<int>(
            connectionString, "SELECT status FROM orleans_membership WHERE deployment_id = @d AND port = @p", ("d", clusterId), ("p", survivor.SiloPort));
        Assert.Equal(Active, survivorStatus);
    }
}
