namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>A pupil's progress in one mission.</summary>
[GenerateSerializer, Immutable]
public sealed record MissionProgress(
    [property: Id(0)] MissionState State,
    [property: Id(1)] int ReachedStep,
    [property: Id(2)] MissionSuccessLevel? SuccessLevel,
    [property: Id(3)] DateTimeOffset UpdatedAt);
