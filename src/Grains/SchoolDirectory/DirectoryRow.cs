namespace PixOrga.Grains.SchoolDirectory;

/// <summary>One school line of the national directory file, ready to be stored.</summary>
public sealed record DirectoryRow(
    string Uai,
    string Name,
    string? Email,
    string? PostalCode,
    string? City,
    string? PublicPrivate,
    bool Archived);
