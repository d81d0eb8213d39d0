namespace PixOrga.Benchmark.Data;

/// <summary>One école of the generated country, with how its ONDE files are written.</summary>
/// <param name="Index">Position in the dataset; seeds everything generated for the school.</param>
/// <param name="PupilCount">Cycle III pupils of the first generation.</param>
/// <param name="Windows1252">Whether its exports are written in Windows-1252 (CRLF) rather than UTF-8.</param>
public sealed record GeneratedSchool(
    int Index,
    string Uai,
    string Name,
    string Email,
    string PostalCode,
    string City,
    int PupilCount,
    bool Windows1252,
    bool Utf8Bom,
    bool QuotedFields);
