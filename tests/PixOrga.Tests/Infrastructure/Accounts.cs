using PixOrga.Contracts.V1;

namespace PixOrga.Tests.Infrastructure;

/// <summary>Creates signed-in accounts for end-to-end tests of any feature.</summary>
public static class Accounts
{
    public const string DefaultPassword = "Motdepasse1";

    /// <summary>Signs up a new account (a unique e-mail unless one is given) and returns its session.</summary>
    public static async Task<SignedUpAccount> SignUpAsync(
        PixOrgaApp app, string? email = null, string? password = null, string firstName = "Camille", string lastName = "Martin")
    {
        email ??= TestData.NewEmail();
        password ??= DefaultPassword;
        var response = await new AccountsService.AccountsServiceClient(app.Channel).SignUpAsync(new SignUpRequest
        {
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            Password = password,
            TermsAccepted = true,
        });
        return new SignedUpAccount(Guid.Parse(response.Account.UserId), response.Session.AccessToken, email, password);
    }
}

/// <summary>An account made by <see cref="Accounts.SignUpAsync"/>; <see cref="Headers"/> carry its access token.</summary>
public sealed record SignedUpAccount(Guid UserId, string AccessToken, string Email, string Password)
{
    public Grpc.Core.Metadata Headers => PixOrgaApp.Bearer(AccessToken);
}
