namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>One mission as a school follows it: every class with active pupils and their progress.</summary>
[GenerateSerializer, Immutable]
public sealed record MissionDetail(
    [property: Id(0)] MissionSummary Summary,
    [property: Id(1)] IReadOnlyList<MissionClass> Classes);
