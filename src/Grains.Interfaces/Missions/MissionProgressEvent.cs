namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>What Pix Junior reports about one pupil and one mission; <see cref="EventId"/> makes it idempotent.</summary>
[GenerateSerializer, Immutable]
public sealed record MissionProgressEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] Guid PupilId,
    [property: Id(2)] string MissionId,
    [property: Id(3)] MissionState State,
    [property: Id(4)] int ReachedStep,
    [property: Id(5)] MissionSuccessLevel? SuccessLevel);
