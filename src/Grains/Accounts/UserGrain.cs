using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Mail;

namespace PixOrga.Grains.Accounts;

/// <summary>
/// One Pix account: profile, password hash, lock-out counter, sessions (refresh-token families),
/// reset links and the mirror of its school memberships. Split by concern into partial files
/// (UserGrain.Sessions.cs, UserGrain.PasswordReset.cs); this file holds creation and the profile.
/// </summary>
public sealed partial class UserGrain(
    [PersistentState("user-account")] IPersistentState<UserState> account,
    PasswordHasher hasher,
    IMailer mailer,
    IOptions<MailOptions> mailOptions,
    PixOrgaClock clock,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private Guid UserId => this.GetPrimaryKey();

    private bool Exists => account.State.Email.Length > 0;

    public Task<UserProfile?> GetProfile() => Task.FromResult(Exists ? Profile() : null);

    public async Task SetMembership(SchoolMembership membership)
    {
        account.State.Memberships[Uai.Normalize(membership.Uai)] = membership;
        await account.WriteStateAsync();
    }

    public async Task RemoveMembership(string uai)
    {
        if (account.State.Memberships.Remove(Uai.Normalize(uai)))
        {
            await account.WriteStateAsync();
        }
    }

    public async Task<SessionGrant> Create(SignUpCommand command)
    {
        var email = EmailAddress.Normalize(command.Email);
        if (Exists)
        {
            // Only a retry with the same idempotency key (hence this same id) and password gets here legitimately.
            if (command.IdempotencyKey.Length > 0 && account.State.Email == email
                && hasher.Verify(command.Password, account.State.PasswordHash).Matches)
            {
                return await OpenSessionAsync();
            }

            throw AccountErrors.EmailAlreadyUsed();
        }

        // Hash before claiming: the claim is then held only for the time of one storage write.
        var passwordHash = hasher.Hash(command.Password);
        var index = GrainFactory.GetGrain<IEmailIndexGrain>(EmailIndexKey.For(email));
        if (!await index.Claim(UserId))
        {
            throw AccountErrors.EmailAlreadyUsed();
        }

        var state = account.State;
        state.FirstName = command.FirstName.Trim();
        state.LastName = command.LastName.Trim();
        state.Email = email;
        state.PasswordHash = passwordHash;
        state.CreatedAt = clock.UtcNow;
        var grant = await OpenSessionAsync();

        if (!await index.Confirm(UserId))
        {
            // The claim lapsed and another sign-up took the address: this account must not exist.
            await account.ClearStateAsync();
            account.State = new UserState();
            throw AccountErrors.EmailAlreadyUsed();
        }

        logger.LogInformation("Account {UserId} created", UserId);
        return grant;
    }

    public Task<UserAccount> GetMe(Caller caller)
    {
        if (caller.UserId != UserId)
        {
            throw CommonErrors.Forbidden();
        }

        if (!Exists)
        {
            throw CommonErrors.Unauthenticated();
        }

        var memberships = account.State.Memberships.Values.OrderBy(m => m.Uai, StringComparer.Ordinal).ToList();
        return Task.FromResult(new UserAccount(Profile(), memberships));
    }

    private UserProfile Profile() => new(UserId, account.State.FirstName, account.State.LastName, account.State.Email);
}
