namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>
/// The entry points of accounts that start from an e-mail address rather than a user id: they find
/// (or choose) the user grain through <see cref="IEmailIndexGrain"/>. A stateless worker: use key 0.
/// </summary>
public interface IAccountsGrain : IGrainWithIntegerKey
{
    /// <summary>Validates a sign-up (every broken rule reported), then creates the account.</summary>
    Task<SessionGrant> SignUp(SignUpCommand command);

    /// <summary>Signs in; the same answer, after the same work, whether the address has an account or not.</summary>
    Task<SessionGrant> SignIn(string email, string password);

    /// <summary>Mails a reset link when the address has an account; answers the same otherwise.</summary>
    Task RequestPasswordReset(string email);
}
