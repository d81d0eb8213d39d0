namespace PixOrga.Grains.Interfaces.Schools;

/// <summary>A school as the national directory describes it.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolProfile(
    [property: Id(0)] string Uai,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? PostalCode,
    [property: Id(4)] string? City,
    [property: Id(5)] string? PublicPrivate,
    [property: Id(6)] bool Archived);
