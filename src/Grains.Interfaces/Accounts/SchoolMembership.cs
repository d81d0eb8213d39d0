using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>The user's side of a membership: a mirror kept by the school grain, which owns the truth.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolMembership(
    [property: Id(0)] string Uai,
    [property: Id(1)] string SchoolName,
    [property: Id(2)] SchoolRole Role);
