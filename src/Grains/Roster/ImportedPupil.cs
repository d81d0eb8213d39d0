using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Roster;

/// <summary>
/// A pupil of a valid file on its way from the import grain to the school grain, and kept as JSON
/// in <c>school_rosters.held_pupils</c> while an import waits for confirmation (hence a plain
/// class with setters, whose property names are that JSON's).
/// </summary>
[GenerateSerializer]
public sealed class ImportedPupil
{
    [Id(0)]
    public string Ine { get; set; } = string.Empty;

    [Id(1)]
    public string LastName { get; set; } = string.Empty;

    [Id(2)]
    public string FirstName { get; set; } = string.Empty;

    [Id(3)]
    public string Cycle { get; set; } = string.Empty;

    [Id(4)]
    public OndeLevel Level { get; set; }

    [Id(5)]
    public string ClassLabel { get; set; } = string.Empty;

    [Id(6)]
    public DateOnly BirthDate { get; set; }

    public static ImportedPupil From(OndePupil pupil) => new()
    {
        Ine = pupil.Ine,
        LastName = pupil.LastName,
        FirstName = pupil.FirstName,
        Cycle = pupil.Cycle,
        Level = pupil.Level,
        ClassLabel = pupil.ClassLabel,
        BirthDate = pupil.BirthDate,
    };

    public OndePupil ToOnde() => new(Ine, LastName, FirstName, Cycle, Level, ClassLabel, BirthDate);
}
