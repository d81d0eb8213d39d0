namespace PixOrga.Grains.Roster.Onde;

/// <summary>The two school years of cycle III that primary schools teach.</summary>
public enum OndeLevel
{
    Cm1,
    Cm2,
}
