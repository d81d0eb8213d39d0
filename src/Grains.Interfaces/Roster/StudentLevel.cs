namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>The two school years of cycle III that écoles teach.</summary>
public enum StudentLevel
{
    Unspecified = 0,
    Cm1 = 1,
    Cm2 = 2,
}
