namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>The pupil's progress after an event; <see cref="Duplicate"/> when the event had already been recorded.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordedProgress(
    [property: Id(0)] MissionProgress Progress,
    [property: Id(1)] bool Duplicate);
