namespace PixOrga.Grains.Interfaces.Roster;

[GenerateSerializer, Immutable]
public sealed record StudentPage(
    [property: Id(0)] IReadOnlyList<RosterStudent> Students,
    [property: Id(1)] string? NextAfter);
