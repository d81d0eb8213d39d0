using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;
using AccountsHelper = PixOrga.Tests.Infrastructure.Accounts;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(LogCapturedCollection.Name)]
public sealed class LogPrivacyTests(LogCapturedApp fixture)
{
    private PixOrgaApp App => fixture.App;

    private AccountsService.AccountsServiceClient Client => new(App.Channel);

    [Fact]
    public async Task EveryAccountsRpc_LoggedAtDebug_NoEmailPasswordTokenOrSecretInLogs()
    {
        const string newPassword = "Nouveau2motdepasse";
        var account = await AccountsHelper.SignUpAsync(App, firstName: "Zéphyrine", lastName: "Quintavalle");
        var secrets = new List<string> { account.Email, account.Password, newPassword, account.AccessToken, "Zéphyrine", "Quintavalle", PixOrgaApp.OperatorSecret };

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.SignUpAsync(new SignUpRequest
        {
            FirstName = "Zéphyrine",
            LastName = "Quintavalle",
            Email = account.Email,
            Password = account.Password,
            TermsAccepted = true,
        }));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.SignInAsync(new SignInRequest { Email = account.Email, Password = "Mauvais1xx" }));
        var signedIn = await Client.SignInAsync(new SignInRequest { Email = account.Email, Password = account.Password });
        var refreshed = await Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = signedIn.Session.RefreshToken });
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = signedIn.Session.RefreshToken }));
        await Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer(refreshed.Session.AccessToken));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer(refreshed.Session.AccessToken + "x")));
        await Client.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = account.Email });
        var code = ResetLinks.Code(await App.Smtp.WaitForAsync(account.Email));
        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = newPassword });
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = newPassword }));
        var again = await Client.SignInAsync(new SignInRequest { Email = account.Email, Password = newPassword });
        await Client.SignOutAsync(new SignOutRequest { RefreshToken = again.Session.RefreshToken });
        await App.OperatorAsync();
        secrets.AddRange([signedIn.Session.AccessToken, signedIn.Session.RefreshToken, refreshed.Session.RefreshToken, code, again.Session.RefreshToken]);
        // The secret halves alone, in case something logs a token split at its dot.
        secrets.AddRange([signedIn.Session.RefreshToken.Split('.')[1], code.Split('.')[1], refreshed.Session.AccessToken.Split('.')[2]]);

        var lines = fixture.Logs.Lines;

        Assert.Contains(lines, line => line.Contains(account.UserId.ToString(), StringComparison.Ordinal));
        foreach (var (secret, index) in secrets.Select((s, i) => (s, i)))
        {
            var leaks = lines.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"secret #{index} logged in:\n{string.Join("\n", leaks)}");
        }
    }
}
