namespace PixOrga.Grains.Interfaces.Common;

/// <summary>
/// Who makes a call, as authenticated by the gateway. Grains decide what the caller may do
/// with it: the gateway authenticates, grains authorise.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Caller(
    [property: Id(0)] Guid? UserId,
    [property: Id(1)] IReadOnlyList<string> Scopes)
{
    public static readonly Caller Anonymous = new(null, []);

    public bool IsUser => UserId is not null;

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    public static Caller User(Guid userId) => new(userId, []);

    public static Caller Service(IReadOnlyList<string> scopes) => new(null, scopes);
}
