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
}
