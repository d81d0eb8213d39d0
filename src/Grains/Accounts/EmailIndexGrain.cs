using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Accounts;

/// <summary>
/// Enforces e-mail uniqueness. The account is written between <see cref="Claim"/> and
/// <see cref="Confirm"/>; if that write fails, the unconfirmed claim lapses so the address is not
/// lost for good.
/// </summary>
public sealed class EmailIndexGrain(
    [PersistentState("email-index")] IPersistentState<EmailIndexState> index,
    PixOrgaClock clock) : Grain, IEmailIndexGrain
{
    // Far longer than a grain call may last (30 s), so a slow but live sign-up is never overtaken.
    private static readonly TimeSpan PendingClaimLifetime = TimeSpan.FromMinutes(5);

    public async Task<bool> Claim(Guid userId)
    {
        var state = index.State;
        if (state.UserId == userId)
        {
            return true;
        }

        if (state.UserId is not null && (state.Confirmed || clock.UtcNow - state.ClaimedAt < PendingClaimLifetime))
        {
            return false;
        }

        state.UserId = userId;
        state.Confirmed = false;
        state.ClaimedAt = clock.UtcNow;
        await index.WriteStateAsync();
        return true;
    }

    public async Task<bool> Confirm(Guid userId)
    {
        if (index.State.UserId != userId)
        {
            return false;
        }

        if (!index.State.Confirmed)
        {
            index.State.Confirmed = true;
            await index.WriteStateAsync();
        }

        return true;
    }

    public Task<Guid?> GetOwner() => Task.FromResult(index.State.Confirmed ? index.State.UserId : null);
}
