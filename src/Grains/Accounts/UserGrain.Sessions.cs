using Microsoft.Extensions.Logging;
using PixOrga.Grains.Interfaces.Accounts;

namespace PixOrga.Grains.Accounts;

/// <summary>Sign-in with lock-out, and sessions as rotating refresh-token families.</summary>
public sealed partial class UserGrain
{
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    // Bounds the stored state: the oldest sessions go first, spent tokens beyond this are forgotten.
    private const int MaxSessions = 20;
    private const int MaxSpentTokensPerSession = 50;

    public async Task<SessionGrant> SignIn(string password)
    {
        if (!Exists)
        {
            hasher.VerifyDummy(password);
            throw AccountErrors.InvalidCredentials();
        }

        var state = account.State;
        var now = clock.UtcNow;
        if (state.BlockedUntil > now)
        {
            throw AccountErrors.TemporarilyBlocked();
        }

        var check = hasher.Verify(password, state.PasswordHash);
        if (!check.Matches)
        {
            state.FailedSignIns++;
            var block = SignInLockout.BlockFor(state.FailedSignIns);
            state.BlockedUntil = now + block;
            await account.WriteStateAsync();
            if (block is not null)
            {
                logger.LogWarning("Account {UserId} blocked for {Duration} after {Failures} failed sign-ins", UserId, block, state.FailedSignIns);
                throw AccountErrors.TemporarilyBlocked();
            }

            throw AccountErrors.InvalidCredentials();
        }

        if (check.NeedsRehash)
        {
            state.PasswordHash = hasher.Hash(password);
        }

        state.FailedSignIns = 0;
        state.BlockedUntil = null;
        return await OpenSessionAsync();
    }

    public async Task<SessionGrant> RefreshSession(string refreshToken)
    {
        var hash = SecretToken.Hash(refreshToken);
        var now = clock.UtcNow;
        foreach (var (familyId, family) in account.State.RefreshFamilies)
        {
            if (SecretToken.Matches(family.CurrentHash, hash))
            {
                if (family.ExpiresAt <= now)
                {
                    account.State.RefreshFamilies.Remove(familyId);
                    await account.WriteStateAsync();
                    throw AccountErrors.InvalidRefreshToken();
                }

                family.SpentHashes.Add(family.CurrentHash);
                if (family.SpentHashes.Count > MaxSpentTokensPerSession)
                {
                    family.SpentHashes.RemoveAt(0);
                }

                return await OpenSessionAsync(familyId);
            }

            if (family.SpentHashes.Any(spent => SecretToken.Matches(spent, hash)))
            {
                // A spent token came back: someone else holds a copy. End the session for both.
                account.State.RefreshFamilies.Remove(familyId);
                await account.WriteStateAsync();
                logger.LogWarning("Spent refresh token reused on account {UserId}: session revoked", UserId);
                throw AccountErrors.InvalidRefreshToken();
            }
        }

        throw AccountErrors.InvalidRefreshToken();
    }

    public async Task SignOut(string refreshToken)
    {
        var hash = SecretToken.Hash(refreshToken);
        var familyId = account.State.RefreshFamilies
            .Where(f => SecretToken.Matches(f.Value.CurrentHash, hash) || f.Value.SpentHashes.Any(s => SecretToken.Matches(s, hash)))
            .Select(f => f.Key)
            .FirstOrDefault();
        if (familyId is not null)
        {
            account.State.RefreshFamilies.Remove(familyId);
            await account.WriteStateAsync();
        }
    }

    /// <summary>Issues a refresh token (in a new family, or the next of <paramref name="familyId"/>) and saves the state.</summary>
    private async Task<SessionGrant> OpenSessionAsync(string? familyId = null)
    {
        var now = clock.UtcNow;
        var families = account.State.RefreshFamilies;
        foreach (var expired in families.Where(f => f.Value.ExpiresAt <= now).Select(f => f.Key).ToList())
        {
            families.Remove(expired);
        }

        if (familyId is null || !families.TryGetValue(familyId, out var family))
        {
            familyId = Guid.NewGuid().ToString("N");
            family = new RefreshFamilyState { CreatedAt = now };
            families[familyId] = family;
            foreach (var oldest in families.OrderBy(f => f.Value.CreatedAt).Take(Math.Max(0, families.Count - MaxSessions)).Select(f => f.Key).ToList())
            {
                families.Remove(oldest);
            }
        }

        var (token, hash) = SecretToken.Create(UserId);
        family.CurrentHash = hash;
        family.ExpiresAt = now + RefreshTokenLifetime;
        await account.WriteStateAsync();
        return new SessionGrant(Profile(), token, family.ExpiresAt);
    }
}
