using Grpc.Core;
using Grpc.Health.V1;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Outage;

/// <summary>PostgreSQL stopped and restarted under a running silo.</summary>
public sealed class DatabaseOutageTests(OwnDatabaseApp app) : IClassFixture<OwnDatabaseApp>
{
    [Fact]
    public async Task DatabaseStopped_UnavailableAndNotServing_ThenRecoversWithoutRestart()
    {
        var headers = await app.OperatorAsync();
        var schools = new SchoolsService.SchoolsServiceClient(app.Channel);
        var health = new Health.HealthClient(app.Channel);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => schools.GetSchoolAsync(new GetSchoolRequest { Uai = "0000000A" }, headers));

        await app.Postgres.StopAsync();

        await RpcAssert.FailsAsync(
            StatusCode.Unavailable,
            () => schools.GetSchoolAsync(new GetSchoolRequest { Uai = "0000000A" }, headers),
            reason: "SERVICE_UNAVAILABLE",
            message: "Le service est momentanément indisponible. Merci de réessayer dans quelques instants.");
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);

        await app.RestartDatabaseAsync();

        await Eventually.Async(async () =>
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status));
        await Eventually.Async(() => RpcAssert.FailsAsync(
            StatusCode.NotFound, () => schools.GetSchoolAsync(new GetSchoolRequest { Uai = "0000000A" }, headers)));
    }
}
