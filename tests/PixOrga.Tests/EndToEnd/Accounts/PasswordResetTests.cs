using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;
using AccountsHelper = PixOrga.Tests.Infrastructure.Accounts;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(EndToEndCollection.Name)]
public sealed class PasswordResetTests(PixOrgaApp app)
{
    private const string NewPassword = "Nouveau2motdepasse";
    private const string InvalidLink = "Cette demande de réinitialisation n’est pas valide.";

    private AccountsService.AccountsServiceClient Client => new(app.Channel);

    private async Task<string> RequestCodeAsync(string email, int mailsBefore = 0)
    {
        await Client.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = email.ToUpperInvariant() });
        var mail = await app.Smtp.WaitForAsync(email, _ => app.Smtp.To(email).Count > mailsBefore);
        Assert.Equal(ResetLinks.Subject, mail.Subject);
        Assert.Contains("changer-mot-de-passe?code=", mail.HtmlBody, StringComparison.Ordinal);
        return ResetLinks.Code(app.Smtp.To(email)[^1]);
    }

    private Task<SignInResponse> SignInAsync(string email, string password) =>
        Client.SignInAsync(new SignInRequest { Email = email, Password = password }).ResponseAsync;

    [Fact]
    public async Task ResetPassword_ValidLink_NewPasswordWorksOldOneNot()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var code = await RequestCodeAsync(account.Email);

        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = NewPassword });

        await SignInAsync(account.Email, NewPassword);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => SignInAsync(account.Email, account.Password), reason: "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task ResetPassword_LinkUsedTwice_SecondRefused()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var code = await RequestCodeAsync(account.Email);
        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = NewPassword });

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = "Encore3motdepasse" }),
            reason: "INVALID_RESET_LINK",
            message: InvalidLink);
        await SignInAsync(account.Email, NewPassword);
    }

    [Fact]
    public async Task ResetPassword_AfterOneHour_Refused()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var code = await RequestCodeAsync(account.Email);

        app.Clock.Advance(TimeSpan.FromMinutes(61));

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = NewPassword }),
            reason: "INVALID_RESET_LINK",
            message: InvalidLink);
        await SignInAsync(account.Email, account.Password);
    }

    [Fact]
    public async Task ResetPassword_WithinTheHour_Accepted()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var code = await RequestCodeAsync(account.Email);

        app.Clock.Advance(TimeSpan.FromMinutes(59));

        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = NewPassword });
        await SignInAsync(account.Email, NewPassword);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ResetPassword_UnknownCode_Refused(string code)
    {
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = NewPassword }),
            reason: "INVALID_RESET_LINK",
            message: InvalidLink);
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_RefusedAndLinkStillUsable()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var code = await RequestCodeAsync(account.Email);

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = "faible" }),
            reason: "INVALID_PASSWORD_FORMAT",
            message: "Votre mot de passe doit contenir 8 caractères au minimum et comporter au moins une majuscule, une minuscule et un chiffre.");

        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = NewPassword });
        await SignInAsync(account.Email, NewPassword);
    }

    [Fact]
    public async Task ResetPassword_Done_EveryRefreshTokenRevoked()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var session = (await SignInAsync(account.Email, account.Password)).Session;
        var code = await RequestCodeAsync(account.Email);

        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = code, NewPassword = NewPassword });

        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = session.RefreshToken }),
            reason: "INVALID_REFRESH_TOKEN");
    }

    [Fact]
    public async Task RequestPasswordReset_UnknownAddress_SameAnswerAndNoMail()
    {
        var unknown = TestData.NewEmail();
        var known = await AccountsHelper.SignUpAsync(app);

        var forUnknown = await Client.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = unknown });
        var forKnown = await Client.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = known.Email });

        Assert.Equal(forKnown, forUnknown);
        // The known address's mail arriving means the unknown one's would have had time to as well.
        await app.Smtp.WaitForAsync(known.Email);
        Assert.Empty(app.Smtp.To(unknown));
    }

    [Fact]
    public async Task RequestPasswordReset_TwoRequests_EachLinkWorksOnceAndResetEndsBoth()
    {
        var account = await AccountsHelper.SignUpAsync(app);
        var first = await RequestCodeAsync(account.Email);
        var second = await RequestCodeAsync(account.Email, mailsBefore: 1);
        Assert.NotEqual(first, second);

        await Client.ResetPasswordAsync(new ResetPasswordRequest { Code = second, NewPassword = NewPassword });

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.ResetPasswordAsync(new ResetPasswordRequest { Code = first, NewPassword = "Encore3motdepasse" }),
            reason: "INVALID_RESET_LINK");
    }

    [Theory]
    [InlineData("", "EMPTY_EMAIL", "Votre adresse e-mail n’est pas renseignée.")]
    [InlineData("pas une adresse", "WRONG_EMAIL_FORMAT", "Votre adresse e-mail n’est pas valide.")]
    public async Task RequestPasswordReset_BadAddress_InvalidArgument(string email, string reason, string message)
    {
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = email }),
            reason,
            message);
    }
}
