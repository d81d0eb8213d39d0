namespace PixOrga.Grains.Interfaces.Team;

/// <summary>One page of members; <see cref="NextAfter"/> is null on the last page.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberPage(
    [property: Id(0)] IReadOnlyList<MemberView> Members,
    [property: Id(1)] string? NextAfter);
