namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>One problem in an uploaded file: line (null for the whole file), column, code and French message.</summary>
[GenerateSerializer, Immutable]
public sealed record RosterImportError(
    [property: Id(0)] int? Line,
    [property: Id(1)] string? Column,
    [property: Id(2)] string Code,
    [property: Id(3)] string Message);
