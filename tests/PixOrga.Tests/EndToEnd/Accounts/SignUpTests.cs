using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(EndToEndCollection.Name)]
public sealed class SignUpTests(PixOrgaApp app)
{
    private AccountsService.AccountsServiceClient Client => new(app.Channel);

    private static SignUpRequest Valid(string email) => new()
    {
        FirstName = " Camille ",
        LastName = "Martin",
        Email = email,
        Password = "Motdepasse1",
        TermsAccepted = true,
    };

    [Fact]
    public async Task SignUp_Valid_ReturnsAccountAndWorkingSession()
    {
        var email = TestData.NewEmail();

        var response = await Client.SignUpAsync(Valid("  " + email.ToUpperInvariant() + " "));

        Assert.Equal("Camille", response.Account.FirstName);
        Assert.Equal("Martin", response.Account.LastName);
        Assert.Equal(email, response.Account.Email);
        Assert.NotEmpty(response.Session.RefreshToken);
        var me = await Client.GetMeAsync(new GetMeRequest(), PixOrgaApp.Bearer(response.Session.AccessToken));
        Assert.Equal(response.Account.UserId, me.Account.UserId);
        Assert.Equal(email, me.Account.Email);
    }

    [Fact]
    public async Task SignUp_EveryFieldWrong_InvalidArgumentListingEveryRule()
    {
        var exception = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.SignUpAsync(new SignUpRequest { FirstName = " ", LastName = new string('x', 256), Email = "pas-une-adresse", Password = "court" }),
            reason: "EMPTY_FIRST_NAME",
            message: "Votre prénom n’est pas renseigné.");

        var violations = RpcAssert.Violations(exception);
        Assert.Equal(
            ["EMPTY_FIRST_NAME", "MAX_SIZE_LAST_NAME", "WRONG_EMAIL_FORMAT", "INVALID_PASSWORD_FORMAT", "ACCEPT_CGU"],
            violations.Select(v => v.Reason));
        Assert.Equal("Votre nom ne doit pas dépasser les 255 caractères.", violations[1].Description);
        Assert.Equal("Votre adresse e-mail n’est pas valide.", violations[2].Description);
        Assert.Equal(
            "Votre mot de passe doit contenir 8 caractères au minimum et comporter au moins une majuscule, une minuscule et un chiffre.",
            violations[3].Description);
        Assert.Equal("terms_accepted", violations[4].Field);
    }

    [Theory]
    [InlineData("", "EMPTY_PASSWORD", "Votre mot de passe n’est pas renseigné.")]
    [InlineData("motdepasse1", "INVALID_PASSWORD_FORMAT", "Votre mot de passe doit contenir 8 caractères au minimum et comporter au moins une majuscule, une minuscule et un chiffre.")]
    [InlineData("MOTDEPASSE1", "INVALID_PASSWORD_FORMAT", "Votre mot de passe doit contenir 8 caractères au minimum et comporter au moins une majuscule, une minuscule et un chiffre.")]
    [InlineData("Motdepasse", "INVALID_PASSWORD_FORMAT", "Votre mot de passe doit contenir 8 caractères au minimum et comporter au moins une majuscule, une minuscule et un chiffre.")]
    [InlineData("Motdep1", "INVALID_PASSWORD_FORMAT", "Votre mot de passe doit contenir 8 caractères au minimum et comporter au moins une majuscule, une minuscule et un chiffre.")]
    public async Task SignUp_BadPassword_InvalidArgumentAndNoAccount(string password, string reason, string message)
    {
        var email = TestData.NewEmail();
        var request = Valid(email);
        request.Password = password;

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Client.SignUpAsync(request), reason, message);

        await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => Client.SignInAsync(new SignInRequest { Email = email, Password = password.Length == 0 ? "x" : password }),
            reason: "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task SignUp_PasswordOver255Characters_PasswordTooLong()
    {
        var request = Valid(TestData.NewEmail());
        request.Password = "Aa1" + new string('x', 253);

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.SignUpAsync(request),
            reason: "PASSWORD_TOO_LONG",
            message: "Votre mot de passe ne doit pas dépasser les 255 caractères.");
    }

    [Fact]
    public async Task SignUp_EmailTakenInAnotherCase_AlreadyExists()
    {
        var email = TestData.NewEmail();
        await Client.SignUpAsync(Valid(email));

        await RpcAssert.FailsAsync(
            StatusCode.AlreadyExists,
            () => Client.SignUpAsync(Valid(" " + email.ToUpperInvariant())),
            reason: "ACCOUNT_WITH_EMAIL_ALREADY_EXISTS",
            message: "Cette adresse e-mail est déjà utilisée.");
    }

    [Fact]
    public async Task SignUp_TenConcurrentOfOneAddress_ExactlyOneSucceeds()
    {
        var email = TestData.NewEmail();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var request = Valid(i % 2 == 0 ? email : email.ToUpperInvariant());
            try
            {
                return (Id: (await Client.SignUpAsync(request)).Account.UserId, Code: StatusCode.OK);
            }
            catch (RpcException exception)
            {
                return (Id: (string?)null, Code: exception.StatusCode);
            }
        }));

        var winner = Assert.Single(attempts, a => a.Code == StatusCode.OK);
        Assert.All(attempts.Where(a => a.Code != StatusCode.OK), a => Assert.Equal(StatusCode.AlreadyExists, a.Code));
        var signedIn = await Client.SignInAsync(new SignInRequest { Email = email, Password = "Motdepasse1" });
        Assert.Equal(winner.Id, signedIn.Account.UserId);
    }

    [Fact]
    public async Task SignUp_RetriedWithSameIdempotencyKey_ReturnsSameAccount()
    {
        var request = Valid(TestData.NewEmail());
        request.IdempotencyKey = Guid.NewGuid().ToString();

        var first = await Client.SignUpAsync(request);
        var retry = await Client.SignUpAsync(request);

        Assert.Equal(first.Account.UserId, retry.Account.UserId);
        Assert.NotEqual(first.Session.RefreshToken, retry.Session.RefreshToken);
    }

    [Fact]
    public async Task SignUp_SameAddressOtherIdempotencyKey_AlreadyExists()
    {
        var request = Valid(TestData.NewEmail());
        request.IdempotencyKey = Guid.NewGuid().ToString();
        await Client.SignUpAsync(request);
        request.IdempotencyKey = Guid.NewGuid().ToString();

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.SignUpAsync(request), reason: "ACCOUNT_WITH_EMAIL_ALREADY_EXISTS");
    }

    [Fact]
    public async Task SignUp_SameIdempotencyKeyOtherPassword_AlreadyExists()
    {
        var request = Valid(TestData.NewEmail());
        request.IdempotencyKey = Guid.NewGuid().ToString();
        await Client.SignUpAsync(request);
        request.Password = "Autremotdepasse2";

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => Client.SignUpAsync(request), reason: "ACCOUNT_WITH_EMAIL_ALREADY_EXISTS");
    }
}
