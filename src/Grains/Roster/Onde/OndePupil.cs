namespace PixOrga.Grains.Roster.Onde;

/// <summary>A pupil as a valid ONDE row describes it, values trimmed and otherwise unaltered.</summary>
public sealed record OndePupil(
    string Ine,
    string LastName,
    string FirstName,
    string Cycle,
    OndeLevel Level,
    string ClassLabel,
    DateOnly BirthDate);
