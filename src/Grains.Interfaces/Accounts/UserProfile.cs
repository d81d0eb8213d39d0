namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>What other grains may know of an account: never its password or tokens.</summary>
[GenerateSerializer, Immutable]
public sealed record UserProfile(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email);
