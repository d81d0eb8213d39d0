namespace PixOrga.Grains.Interfaces.Common;

/// <summary>
/// One rule broken by a request: a stable machine code, the exact French text a front end shows,
/// and, when it concerns one input, the field it names.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DomainError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] int? Line = null);
