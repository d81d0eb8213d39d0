using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Grpc.Reflection.V1Alpha;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Gateway;

[Collection(EndToEndCollection.Name)]
public sealed class GatewayProtocolTests(PixOrgaApp app)
{
    [Fact]
    public async Task GrpcWeb_OverHttp11Port_ServesTheSameServices()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcWebPort}", new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new HttpClientHandler()),
            HttpVersion = new Version(1, 1),
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var token = await new AccountsService.AccountsServiceClient(channel).IssueServiceTokenAsync(
            new IssueServiceTokenRequest { ClientId = PixOrgaApp.OperatorClient, ClientSecret = PixOrgaApp.OperatorSecret });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains("schools.admin", token.Scopes);
    }

    [Fact]
    public async Task Reflection_ListsOurServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(app.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("pixorga.v1.SchoolsService", services);
        Assert.Contains("pixorga.v1.AccountsService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task IssueServiceToken_WrongSecret_Unauthenticated()
    {
        var client = new AccountsService.AccountsServiceClient(app.Channel);
        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => client.IssueServiceTokenAsync(new IssueServiceTokenRequest { ClientId = PixOrgaApp.OperatorClient, ClientSecret = "nope" }),
            reason: "INVALID_CLIENT_CREDENTIALS",
            message: "L'identifiant et/ou le secret du service sont incorrects.");
    }

    [Fact]
    public async Task TamperedToken_OnProtectedRpc_Unauthenticated()
    {
        var headers = await app.OperatorAsync();
        var token = headers.Single().Value["Bearer ".Length..];
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        var client = new SchoolsService.SchoolsServiceClient(app.Channel);

        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => client.GetSchoolAsync(new GetSchoolRequest { Uai = "0751234A" }, PixOrgaApp.Bearer(tampered)),
            reason: "UNAUTHENTICATED");
    }
}
