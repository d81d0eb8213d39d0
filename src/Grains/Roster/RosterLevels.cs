using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Roster;

/// <summary>The level as stored in <c>students.level</c>: the ONDE spelling.</summary>
internal static class RosterLevels
{
    public static string ToDb(OndeLevel level) => level == OndeLevel.Cm1 ? "CM1" : "CM2";

    public static string? ToDb(StudentLevel level) => level switch
    {
        StudentLevel.Cm1 => "CM1",
        StudentLevel.Cm2 => "CM2",
        _ => null,
    };

    public static OndeLevel ToOnde(string level) => level == "CM1" ? OndeLevel.Cm1 : OndeLevel.Cm2;

    public static StudentLevel ToStudent(string level) => level == "CM1" ? StudentLevel.Cm1 : StudentLevel.Cm2;
}
