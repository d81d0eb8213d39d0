namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>A mission with the classes («Commencé par») where at least one active pupil started it.</summary>
[GenerateSerializer, Immutable]
public sealed record MissionSummary(
    [property: Id(0)] Mission Mission,
    [property: Id(1)] IReadOnlyList<string> StartedBy);
