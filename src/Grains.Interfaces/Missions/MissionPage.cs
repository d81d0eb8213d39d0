namespace PixOrga.Grains.Interfaces.Missions;

[GenerateSerializer, Immutable]
public sealed record MissionPage(
    [property: Id(0)] IReadOnlyList<MissionSummary> Missions,
    [property: Id(1)] string? NextAfter);
