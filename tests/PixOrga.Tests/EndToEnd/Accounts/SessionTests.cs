using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;
using AccountsHelper = PixOrga.Tests.Infrastructure.Accounts;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(EndToEndCollection.Name)]
public sealed class SessionTests(PixOrgaApp app)
{
    private AccountsService.AccountsServiceClient Client => new(app.Channel);

    private async Task<SignInResponse> SignInAsync()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        return await Client.SignInAsync(new SignInRequest { Email = account.Email, Password = account.Password });
    }

    private Task<RpcException> RefusedAsync(string refreshToken) => RpcAssert.FailsAsync(
        StatusCode.Unauthenticated,
        () => Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = refreshToken }),
        reason: "INVALID_REFRESH_TOKEN",
        message: "Votre session a expiré. Merci de vous reconnecter.");

    [Fact]
    public async Task RefreshSession_CurrentToken_NewWorkingSessionAndOldTokenRefused()
    {
        var signedIn = await SignInAsync();

        var refreshed = await Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = signedIn.Session.RefreshToken });

        Assert.NotEqual(signedIn.Session.RefreshToken, refreshed.Session.RefreshToken);
        var me = await Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer(refreshed.Session.AccessToken));
        Assert.Equal(signedIn.Account.UserId, me.Account.UserId);
        await RefusedAsync(signedIn.Session.RefreshToken);
    }

    [Fact]
    public async Task RefreshSession_SpentTokenReused_WholeSessionRevoked()
    {
        var signedIn = await SignInAsync();
        var refreshed = await Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = signedIn.Session.RefreshToken });

        await RefusedAsync(signedIn.Session.RefreshToken);

        await RefusedAsync(refreshed.Session.RefreshToken);
    }

    [Fact]
    public async Task RefreshSession_ReuseInOneSession_OtherSessionsKeepWorking()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var first = await Client.SignInAsync(new SignInRequest { Email = account.Email, Password = account.Password });
        var second = await Client.SignInAsync(new SignInRequest { Email = account.Email, Password = account.Password });
        await Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = first.Session.RefreshToken });
        await RefusedAsync(first.Session.RefreshToken);

        var refreshed = await Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = second.Session.RefreshToken });

        var me = await Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer(refreshed.Session.AccessToken));
        Assert.Equal(account.UserId.ToString(), me.Account.UserId);
    }

    [Fact]
    public async Task RefreshSession_After30Days_Refused()
    {
        var signedIn = await SignInAsync();

        app.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        await RefusedAsync(signedIn.Session.RefreshToken);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("00000000000000000000000000000000.AAAA")]
    public async Task RefreshSession_UnknownToken_Refused(string token)
    {
        await RefusedAsync(token);
    }

    [Fact]
    public async Task RefreshSession_TokenWithAnotherUsersPrefix_Refused()
    {
        var victim = await SignInAsync();
        var attacker = await SignInAsync();
        var forged = victim.Account.UserId.Replace("-", string.Empty, StringComparison.Ordinal) + attacker.Session.RefreshToken[32..];

        await RefusedAsync(forged);

        var stillWorks = await Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = victim.Session.RefreshToken });
        Assert.NotEmpty(stillWorks.Session.RefreshToken);
    }

    [Fact]
    public async Task SignOut_RefreshToken_SessionCannotBeRefreshed()
    {
        var signedIn = await SignInAsync();

        await Client.SignOutAsync(new SignOutRequest { RefreshToken = signedIn.Session.RefreshToken });

        await RefusedAsync(signedIn.Session.RefreshToken);
    }

    [Fact]
    public async Task SignOut_UnknownToken_Succeeds()
    {
        var response = await Client.SignOutAsync(new SignOutRequest { RefreshToken = "garbage" });

        Assert.NotNull(response);
    }
}
