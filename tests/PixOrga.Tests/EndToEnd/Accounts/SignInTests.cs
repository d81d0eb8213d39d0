using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;
using AccountsHelper = PixOrga.Tests.Infrastructure.Accounts;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(EndToEndCollection.Name)]
public sealed class SignInTests(PixOrgaApp app)
{
    private const string InvalidCredentials = "L'adresse e-mail et/ou le mot de passe saisis sont incorrects.";

    private AccountsService.AccountsServiceClient Client => new(app.Channel);

    [Fact]
    public async Task SignIn_RightPasswordAnyCase_SessionForTheAccount()
    {
        var account = await AccountsHelper.SignUpAsync(app);

        var response = await Client.SignInAsync(new SignInRequest { Email = " " + account.Email.ToUpperInvariant(), Password = account.Password });

        Assert.Equal(account.UserId.ToString(), response.Account.UserId);
        Assert.True(response.Session.AccessTokenExpiresAt.ToDateTimeOffset() > app.Clock.GetUtcNow());
        Assert.True(response.Session.RefreshTokenExpiresAt.ToDateTimeOffset() > response.Session.AccessTokenExpiresAt.ToDateTimeOffset());
        var me = await Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer(response.Session.AccessToken));
        Assert.Equal(account.UserId.ToString(), me.Account.UserId);
    }

    [Fact]
    public async Task SignIn_WrongPassword_InvalidCredentials()
    {
        var account = await AccountsHelper.SignUpAsync(app);

        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => Client.SignInAsync(new SignInRequest { Email = account.Email, Password = "Mauvais1xx" }),
            reason: "INVALID_CREDENTIALS",
            message: InvalidCredentials);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_SameAnswerAsWrongPassword()
    {
        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => Client.SignInAsync(new SignInRequest { Email = TestData.NewEmail(), Password = "Motdepasse1" }),
            reason: "INVALID_CREDENTIALS",
            message: InvalidCredentials);
    }

    [Fact]
    public async Task SignIn_EmptyFields_InvalidArgumentForBoth()
    {
        var exception = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.SignInAsync(new SignInRequest()),
            reason: "EMPTY_EMAIL",
            message: "Votre adresse e-mail n’est pas renseignée.");

        Assert.Equal(["EMPTY_EMAIL", "EMPTY_PASSWORD"], RpcAssert.Violations(exception).Select(v => v.Reason));
    }
}
