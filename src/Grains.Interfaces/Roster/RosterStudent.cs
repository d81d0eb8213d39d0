namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>A pupil of a school as stored; <see cref="Id"/> never changes across imports.</summary>
[GenerateSerializer, Immutable]
public sealed record RosterStudent(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Uai,
    [property: Id(2)] string Ine,
    [property: Id(3)] string LastName,
    [property: Id(4)] string FirstName,
    [property: Id(5)] StudentLevel Level,
    [property: Id(6)] string ClassLabel,
    [property: Id(7)] DateOnly BirthDate,
    [property: Id(8)] bool Active,
    [property: Id(9)] DateTimeOffset UpdatedAt);
