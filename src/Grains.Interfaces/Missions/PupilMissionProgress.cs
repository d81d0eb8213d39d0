namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>An active pupil of the school and their progress in a mission (null: not started).</summary>
[GenerateSerializer, Immutable]
public sealed record PupilMissionProgress(
    [property: Id(0)] Guid StudentId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] MissionProgress? Progress);
