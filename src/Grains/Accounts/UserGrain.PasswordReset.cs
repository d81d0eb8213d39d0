using Microsoft.Extensions.Logging;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Mail;

namespace PixOrga.Grains.Accounts;

/// <summary>Password reset by a mailed link: single use, one hour, only its hash stored.</summary>
public sealed partial class UserGrain
{
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

    private const int MaxPendingResetLinks = 5;

    public async Task SendPasswordResetLink()
    {
        if (!Exists)
        {
            return;
        }

        var now = clock.UtcNow;
        var secrets = account.State.ResetSecrets;
        secrets.RemoveAll(s => s.ExpiresAt <= now);
        if (secrets.Count >= MaxPendingResetLinks)
        {
            secrets.RemoveAt(0);
        }

        var (code, hash) = SecretToken.Create(UserId);
        secrets.Add(new ResetSecretState { Hash = hash, ExpiresAt = now + ResetLinkLifetime });
        await account.WriteStateAsync();

        var link = $"{mailOptions.Value.OrgaBaseUrl.TrimEnd('/')}/changer-mot-de-passe?code={Uri.EscapeDataString(code)}";
        var mail = MailTemplates.Render("password-reset", account.State.Email, new Dictionary<string, string>
        {
            ["firstName"] = account.State.FirstName,
            ["link"] = link,
        });
        try
        {
            await mailer.SendAsync(mail);
            logger.LogInformation("Password-reset link mailed for account {UserId}", UserId);
        }
        catch (MailDeliveryException exception)
        {
            // The call is one-way and must not reveal the account anyway: the log is the only trace.
            logger.LogWarning("Password-reset mail for account {UserId} not delivered: {Error}", UserId, exception.InnerException?.GetType().Name);
        }
    }

    public async Task ResetPassword(string code, string newPassword)
    {
        var hash = SecretToken.Hash(code);
        var now = clock.UtcNow;
        var secret = Exists
            ? account.State.ResetSecrets.FirstOrDefault(s => SecretToken.Matches(s.Hash, hash) && s.ExpiresAt > now)
            : null;
        if (secret is null)
        {
            throw AccountErrors.InvalidResetLink();
        }

        // A weak new password leaves the link usable, so the user can try again.
        if (PasswordPolicy.Check(newPassword, "new_password") is { } error)
        {
            throw new DomainException(ErrorKind.InvalidArgument, [error]);
        }

        var state = account.State;
        state.PasswordHash = hasher.Hash(newPassword);
        state.ResetSecrets.Clear();
        state.FailedSignIns = 0;
        state.BlockedUntil = null;
        state.RefreshFamilies.Clear();
        await account.WriteStateAsync();
        logger.LogInformation("Password reset on account {UserId}; every session revoked", UserId);
    }
}
