namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>How well a pupil met a mission's objectives, as Pix Junior grades it; stored by name.</summary>
public enum MissionSuccessLevel
{
    NotReached = 1,
    PartiallyReached = 2,
    Reached = 3,
    Exceeded = 4,
}
