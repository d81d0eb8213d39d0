namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>What the signed-in user sees of their own account: profile and schools.</summary>
[GenerateSerializer, Immutable]
public sealed record UserAccount(
    [property: Id(0)] UserProfile Profile,
    [property: Id(1)] IReadOnlyList<SchoolMembership> Memberships);
