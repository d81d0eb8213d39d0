using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Interfaces.Team;

/// <summary>An invitation as administrators see it (never its code).</summary>
[GenerateSerializer, Immutable]
public sealed record InvitationView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Uai,
    [property: Id(2)] string Email,
    [property: Id(3)] SchoolRole Role,
    [property: Id(4)] InvitationStatus Status,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset LastSentAt,
    [property: Id(7)] DateTimeOffset ExpiresAt);
