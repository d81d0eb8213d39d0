namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>
/// Filters and position of a page of pupils. <see cref="After"/> is the opaque position returned
/// with the previous page.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StudentQuery(
    [property: Id(0)] string? ClassLabel,
    [property: Id(1)] StudentLevel Level,
    [property: Id(2)] string? Search,
    [property: Id(3)] bool IncludeInactive,
    [property: Id(4)] int PageSize,
    [property: Id(5)] string? After);
