using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(EndToEndCollection.Name)]
public sealed class ServiceTokenTests(PixOrgaApp app)
{
    private const string BadCredentials = "L'identifiant et/ou le secret du service sont incorrects.";

    private AccountsService.AccountsServiceClient Client => new(app.Channel);

    [Fact]
    public async Task IssueServiceToken_GoodCredentials_ScopedTokenAccepted()
    {
        var response = await Client.IssueServiceTokenAsync(new IssueServiceTokenRequest
        {
            ClientId = PixOrgaApp.OperatorClient,
            ClientSecret = PixOrgaApp.OperatorSecret,
        });

        Assert.Equal([Scopes.SchoolsAdmin, Scopes.RosterRead, Scopes.Junior], response.Scopes);
        var expected = app.Clock.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds();
        Assert.InRange(response.ExpiresAt.Seconds, expected - 5, expected + 5);
        var schools = new SchoolsService.SchoolsServiceClient(app.Channel);
        await schools.ListSchoolsAsync(new ListSchoolsRequest { PageSize = 1 }, PixOrgaApp.Bearer(response.AccessToken));
    }

    [Theory]
    [InlineData(PixOrgaApp.OperatorClient, "wrong-secret")]
    [InlineData(PixOrgaApp.OperatorClient, "")]
    [InlineData("unknown-client", PixOrgaApp.OperatorSecret)]
    [InlineData("", "")]
    public async Task IssueServiceToken_BadCredentials_Unauthenticated(string clientId, string secret)
    {
        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => Client.IssueServiceTokenAsync(new IssueServiceTokenRequest { ClientId = clientId, ClientSecret = secret }),
            reason: "INVALID_CLIENT_CREDENTIALS",
            message: BadCredentials);
    }

    [Fact]
    public async Task IssueServiceToken_ClientWithoutScopes_TokenWithoutScopes()
    {
        var response = await Client.IssueServiceTokenAsync(new IssueServiceTokenRequest
        {
            ClientId = PixOrgaApp.NoScopeClient,
            ClientSecret = PixOrgaApp.NoScopeSecret,
        });

        Assert.NotEmpty(response.AccessToken);
        Assert.Empty(response.Scopes);
    }

    [Fact]
    public async Task IssueServiceToken_AfterFifteenMinutes_TokenRefused()
    {
        var headers = await app.OperatorAsync();
        var schools = new SchoolsService.SchoolsServiceClient(app.Channel);

        app.Clock.Advance(TimeSpan.FromMinutes(16));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => schools.ListSchoolsAsync(new ListSchoolsRequest(), headers));
    }
}
