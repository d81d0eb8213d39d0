namespace PixOrga.Grains.Roster;

/// <summary>
/// When an import must wait for an explicit confirmation: a file that would deactivate most of the
/// school (one class uploaded alone, a header-only file) is more often a mistake than a new year.
/// </summary>
public static class RosterSafetyHold
{
    public const int MaxDeactivatedPercent = 60;

    /// <summary>A first import (no active pupil yet) never needs confirmation.</summary>
    public static bool Requires(int activePupils, int deactivatedPupils) =>
        activePupils > 0 && deactivatedPupils * 100L > activePupils * (long)MaxDeactivatedPercent;
}
