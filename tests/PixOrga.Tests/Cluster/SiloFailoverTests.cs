using System.Text;
using Google.Protobuf;
using Npgsql;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.Cluster;

/// <summary>Two silo processes on one database: both join, one is killed by PID, the other carries on.</summary>
public sealed class SiloFailoverTests
{
    [Fact]
    public async Task KillOneSilo_SurvivorDeclaresItDeadAndServes()
    {
        var connectionString = await TestDatabase.CreateAsync();
        var clusterId = "failover-" + Guid.NewGuid().ToString("N");
        await using var first = await SiloProcess.StartAsync(connectionString, clusterId);
        await using var second = await SiloProcess.StartAsync(connectionString, clusterId);

        await WaitForStatusesAsync(connectionString, clusterId, [first.SiloPort, second.SiloPort], active: 2, dead: 0);

        // Spread work over both silos through the first gateway.
        var headers = await OperatorAsync(first);
        var uais = Enumerable.Range(0, 20).Select(_ => TestData.NewUai()).ToList();
        var file = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement\n"
            + string.Concat(uais.Select(u => $"{u};École {u};Ecole\n"));
        var imported = await ImportAsync(first, headers, file);
        Assert.Equal(20, imported.Created);

        second.Kill();
        await WaitForStatusesAsync(connectionString, clusterId, [first.SiloPort, second.SiloPort], active: 1, dead: 1);

        var client = new SchoolsService.SchoolsServiceClient(first.Channel);
        foreach (var uai in uais)
        {
            var school = await client.GetSchoolAsync(new GetSchoolRequest { Uai = uai }, headers);
            Assert.Equal($"École {uai}", school.School.Name);
        }
    }

    private static async Task<Grpc.Core.Metadata> OperatorAsync(SiloProcess silo)
    {
        var token = await new AccountsService.AccountsServiceClient(silo.Channel).IssueServiceTokenAsync(
            new IssueServiceTokenRequest { ClientId = PixOrgaApp.OperatorClient, ClientSecret = PixOrgaApp.OperatorSecret });
        return PixOrgaApp.Bearer(token.AccessToken);
    }

    private static async Task<ImportDirectoryResponse> ImportAsync(SiloProcess silo, Grpc.Core.Metadata headers, string content)
    {
        using var call = new SchoolsService.SchoolsServiceClient(silo.Channel).ImportDirectory(headers);
        await call.RequestStream.WriteAsync(new ImportDirectoryRequest { Chunk = ByteString.CopyFrom(Encoding.UTF8.GetBytes(content)) });
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private static async Task WaitForStatusesAsync(string connectionString, string clusterId, int[] ports, int active, int dead)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        (int Active, int Dead) seen = default;
        while (DateTime.UtcNow < deadline)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE status = 3), count(*) FILTER (WHERE status = 6) FROM orleans_membership "
                + "WHERE deployment_id = @cluster AND port = ANY(@ports)",
                connection);
            command.Parameters.AddWithValue("cluster", clusterId);
            command.Parameters.AddWithValue("ports", ports);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            seen = ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
            if (seen == (active, dead))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Expected {active} active and {dead} dead silos, saw {seen.Active} and {seen.Dead}.");
    }
}
