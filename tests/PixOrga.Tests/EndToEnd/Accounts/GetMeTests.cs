using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Tests.Infrastructure;
using AccountsHelper = PixOrga.Tests.Infrastructure.Accounts;
using DomainRole = PixOrga.Grains.Interfaces.Schools.SchoolRole;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(EndToEndCollection.Name)]
public sealed class GetMeTests(PixOrgaApp app)
{
    private AccountsService.AccountsServiceClient Client => new(app.Channel);

    [Fact]
    public async Task GetMe_WithMemberships_ProfileAndSchoolsWithRoles()
    {
        var account = await AccountsHelper.SignUpAsync(app, firstName: "Léa", lastName: "Dupont");
        var (admin, member) = (TestData.NewUai(), TestData.NewUai());
        var user = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(account.UserId);
        await user.SetMembership(new SchoolMembership(admin, "École A", DomainRole.Admin));
        await user.SetMembership(new SchoolMembership(member, "École B", DomainRole.Member));
        await user.SetMembership(new SchoolMembership(TestData.NewUai(), "École C", DomainRole.Member));
        await user.RemoveMembership((await Client.GetMeAsync(new GetMeRequest(), account.Headers)).Memberships.Single(m => m.SchoolName == "École C").Uai);

        var me = await Client.GetMeAsync(new GetMeRequest(), account.Headers);

        Assert.Equal("Léa", me.Account.FirstName);
        Assert.Equal("Dupont", me.Account.LastName);
        Assert.Equal(account.Email, me.Account.Email);
        Assert.Equal(2, me.Memberships.Count);
        Assert.Contains(me.Memberships, m => m.Uai == admin && m.SchoolName == "École A" && m.Role == SchoolRole.Admin);
        Assert.Contains(me.Memberships, m => m.Uai == member && m.SchoolName == "École B" && m.Role == SchoolRole.Member);
    }

    [Fact]
    public async Task GetMe_NoToken_Unauthenticated()
    {
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.GetMeAsync(new GetMeRequest()), reason: "UNAUTHENTICATED");
    }

    [Fact]
    public async Task GetMe_TamperedToken_Unauthenticated()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var other = await AccountsHelper.SignUpAsync(app);
        var parts = account.AccessToken.Split('.');
        var otherParts = other.AccessToken.Split('.');
        // The other account's claims under this account's signature.
        var tampered = $"{parts[0]}.{otherParts[1]}.{parts[2]}";

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer(tampered)), reason: "UNAUTHENTICATED");
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer("not-a-jwt")), reason: "UNAUTHENTICATED");
    }

    [Fact]
    public async Task GetMe_AccessTokenPastFifteenMinutes_Unauthenticated()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        await Client.GetMeAsync(new GetMeRequest(), account.Headers);

        app.Clock.Advance(TimeSpan.FromMinutes(16));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.GetMeAsync(new GetMeRequest(), account.Headers), reason: "UNAUTHENTICATED");
    }

    [Fact]
    public async Task GetMe_ServiceToken_PermissionDenied()
    {
        var operatorHeaders = await app.OperatorAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client.GetMeAsync(new GetMeRequest(), operatorHeaders), reason: "FORBIDDEN");
    }
}
