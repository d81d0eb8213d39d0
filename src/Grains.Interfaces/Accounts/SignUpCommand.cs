namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>A sign-up as the user typed it.</summary>
[GenerateSerializer, Immutable]
public sealed record SignUpCommand(
    [property: Id(0)] string FirstName,
    [property: Id(1)] string LastName,
    [property: Id(2)] string Email,
    [property: Id(3)] string Password,
    [property: Id(4)] bool TermsAccepted,
    [property: Id(5)] string IdempotencyKey)
{
    // A record prints every property; this one must never put a password or an address in a log line.
    public override string ToString() => nameof(SignUpCommand);
}
