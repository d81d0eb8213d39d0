using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Interfaces.Team;

/// <summary>A member as the «Équipe» tab lists them.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberView(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email,
    [property: Id(4)] SchoolRole Role,
    [property: Id(5)] DateTimeOffset JoinedAt);
