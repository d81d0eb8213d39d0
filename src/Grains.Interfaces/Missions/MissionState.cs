namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>Where a pupil is in a mission; stored by name.</summary>
public enum MissionState
{
    Started = 1,
    Completed = 2,
}
