namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>A class and its active pupils' progress in one mission, by last name then first name.</summary>
[GenerateSerializer, Immutable]
public sealed record MissionClass(
    [property: Id(0)] string ClassLabel,
    [property: Id(1)] IReadOnlyList<PupilMissionProgress> Pupils);
