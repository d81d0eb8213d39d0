namespace PixOrga.Grains.Interfaces.Team;

/// <summary>What the join page may show to whoever holds a valid link.</summary>
[GenerateSerializer, Immutable]
public sealed record InvitationSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Uai,
    [property: Id(2)] string SchoolName,
    [property: Id(3)] InvitationStatus Status,
    [property: Id(4)] DateTimeOffset ExpiresAt);
