using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;
using AccountsHelper = PixOrga.Tests.Infrastructure.Accounts;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(EndToEndCollection.Name)]
public sealed class LockoutTests(PixOrgaApp app)
{
    private const string Blocked =
        "Vous avez effectué trop de tentatives de connexion. Réessayez plus tard ou cliquez sur mot de passe oublié pour le réinitialiser.";

    private AccountsService.AccountsServiceClient Client => new(app.Channel);

    private Task<SignInResponse> SignInAsync(string email, string password) =>
        Client.SignInAsync(new SignInRequest { Email = email, Password = password }).ResponseAsync;

    private async Task FailAsync(SignedUpAccount account, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => SignInAsync(account.Email, "Mauvais1xx"), reason: "INVALID_CREDENTIALS");
        }
    }

    private Task<RpcException> BlockedAsync(SignedUpAccount account, string password) =>
        RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => SignInAsync(account.Email, password), reason: "USER_IS_TEMPORARY_BLOCKED", message: Blocked);

    [Fact]
    public async Task SignIn_TenthFailure_BlockedEvenWithRightPasswordForTwoMinutes()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        await FailAsync(account, 9);

        await BlockedAsync(account, "Mauvais1xx");
        await BlockedAsync(account, account.Password);

        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await SignInAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task SignIn_FailureAfterBlockEnds_BlockedTwiceAsLong()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        await FailAsync(account, 9);
        await BlockedAsync(account, "Mauvais1xx");
        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        await BlockedAsync(account, "Mauvais1xx");

        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await BlockedAsync(account, account.Password);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await SignInAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task SignIn_Success_ResetsTheFailureCount()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        await FailAsync(account, 9);

        await SignInAsync(account.Email, account.Password);

        await FailAsync(account, 9);
        await SignInAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task ResetPassword_BlockedAccount_BlockLifted()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        await FailAsync(account, 9);
        await BlockedAsync(account, "Mauvais1xx");
        await Client.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = account.Email });
        var code = ResetLinks.Code(await app.Smtp.WaitForAsync(account.Email));

        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = "Nouveau2motdepasse" });

        var signedIn = await SignInAsync(account.Email, "Nouveau2motdepasse");
        Assert.Equal(account.UserId.ToString(), signedIn.Account.UserId);
    }
}
