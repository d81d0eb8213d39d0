using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>One Pix account, keyed by its user id.</summary>
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>The profile, or null when no account has this id.</summary>
    Task<UserProfile?> GetProfile();

    /// <summary>Records (or updates the role of) a membership; called by the school grain only.</summary>
    Task SetMembership(SchoolMembership membership);

    /// <summary>Forgets a membership; called by the school grain only.</summary>
    Task RemoveMembership(string uai);

    /// <summary>
    /// Creates the account from an already validated sign-up and opens its first session. Claims the
    /// e-mail in <see cref="IEmailIndexGrain"/> first, so of concurrent sign-ups of one address only one
    /// creates an account. Called by <see cref="IAccountsGrain"/> only.
    /// </summary>
    Task<SessionGrant> Create(SignUpCommand command);

    /// <summary>Checks the password (with the lock-out rules) and opens a session.</summary>
    Task<SessionGrant> SignIn(string password);

    /// <summary>Rotates a refresh token: the one given is spent, a new one of the same family returned.</summary>
    Task<SessionGrant> RefreshSession(string refreshToken);

    /// <summary>Revokes the session (refresh-token family) the token belongs to; unknown tokens are ignored.</summary>
    Task SignOut(string refreshToken);

    /// <summary>The account and its memberships, for the account itself only.</summary>
    Task<UserAccount> GetMe(Caller caller);

    /// <summary>
    /// Mails a reset link. One-way so that the caller's answer takes the same time whether the
    /// address has an account or not; delivery failures are logged here.
    /// </summary>
    [OneWay]
    Task SendPasswordResetLink();

    /// <summary>Sets a new password with a reset link's secret; lifts a lock-out and ends every session.</summary>
    Task ResetPassword(string code, string newPassword);
}
