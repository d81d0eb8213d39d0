using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Interfaces.Team;

/// <summary>The membership an acceptance gave.</summary>
[GenerateSerializer, Immutable]
public sealed record AcceptedInvitation(
    [property: Id(0)] string Uai,
    [property: Id(1)] string SchoolName,
    [property: Id(2)] SchoolRole Role);
