namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>What an upload says about itself before its bytes arrive.</summary>
[GenerateSerializer, Immutable]
public sealed record OndeImportRequest(
    [property: Id(0)] string Uai,
    [property: Id(1)] string FileName,
    [property: Id(2)] bool DryRun,
    [property: Id(3)] string? IdempotencyKey);
