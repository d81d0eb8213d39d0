namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>
/// The one place that knows which account owns an e-mail address, keyed by
/// <see cref="EmailIndexKey.For"/> of the address. Being a single grain per address, it serialises
/// concurrent sign-ups of that address: the first claim wins.
/// </summary>
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves the address for <paramref name="userId"/>; false when another account holds it. A claim
    /// never confirmed (its account was never written) lapses after a few minutes.
    /// </summary>
    Task<bool> Claim(Guid userId);

    /// <summary>Marks the claim as backed by a stored account; false when the claim was lost meanwhile.</summary>
    Task<bool> Confirm(Guid userId);

    /// <summary>The account owning the address, or null.</summary>
    Task<Guid?> GetOwner();
}
