using System.Security.Cryptography;
using System.Text;
using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Accounts;

/// <summary>
/// Sign-up, sign-in and reset requests by e-mail address. Stateless: it only finds the user grain
/// through the e-mail index, so it never calls back into a grain that calls it (no deadlock cycle).
/// </summary>
[StatelessWorker]
public sealed class AccountsGrain(PasswordHasher hasher) : Grain, IAccountsGrain
{
    public Task<SessionGrant> SignUp(SignUpCommand command)
    {
        var errors = SignUpValidator.Validate(command);
        if (errors.Count > 0)
        {
            throw new DomainException(ErrorKind.InvalidArgument, errors);
        }

        return GrainFactory.GetGrain<IUserGrain>(NewUserId(command)).Create(command);
    }

    public async Task<SessionGrant> SignIn(string email, string password)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add(new DomainError("EMPTY_EMAIL", AccountErrors.EmptyEmailMessage, "email"));
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new DomainError("EMPTY_PASSWORD", AccountErrors.EmptyPasswordMessage, "password"));
        }

        if (errors.Count > 0)
        {
            throw new DomainException(ErrorKind.InvalidArgument, errors);
        }

        var owner = await FindOwnerAsync(email);
        if (owner is null)
        {
            hasher.VerifyDummy(password);
            throw AccountErrors.InvalidCredentials();
        }

        return await GrainFactory.GetGrain<IUserGrain>(owner.Value).SignIn(password);
    }

    public async Task RequestPasswordReset(string email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw DomainException.Invalid("EMPTY_EMAIL", AccountErrors.EmptyEmailMessage, "email");
        }

        if (!EmailAddress.IsValid(email))
        {
            throw DomainException.Invalid("WRONG_EMAIL_FORMAT", AccountErrors.WrongEmailFormatMessage, "email");
        }

        if (await FindOwnerAsync(email) is { } owner)
        {
            await GrainFactory.GetGrain<IUserGrain>(owner).SendPasswordResetLink();
        }
    }

    private async Task<Guid?> FindOwnerAsync(string email)
    {
        // An address that could never have signed up is not worth a grain activation.
        return EmailAddress.IsValid(email)
            ? await GrainFactory.GetGrain<IEmailIndexGrain>(EmailIndexKey.For(email)).GetOwner()
            : null;
    }

    /// <summary>
    /// A retried sign-up (same idempotency key and address) lands on the same user grain, which
    /// recognises it; without a key every attempt is a new account id.
    /// </summary>
    private static Guid NewUserId(SignUpCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.IdempotencyKey))
        {
            return Guid.NewGuid();
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(
            "sign-up\n" + EmailAddress.Normalize(command.Email) + "\n" + command.IdempotencyKey));
        return new Guid(digest.AsSpan(0, 16));
    }
}
