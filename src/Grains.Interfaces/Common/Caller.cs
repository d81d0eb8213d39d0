namespace PixOrga.Grains.Interfaces.Common;

/// <summary>
/// Who makes a call, as authenticated by the gateway: a signed-in user, an internal service
/// (with its scopes), or nobody. Grains decide what the caller may do with it: the gateway
/// authenticates, grains authorise.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Caller(
    [property: Id(0)] Guid? UserId,
    [property: Id(1)] IReadOnlyList<string> Scopes,
    [property: Id(2)] string? ServiceClientId = null)
{
    public static readonly Caller Anonymous = new(null, []);

    public bool IsUser => UserId is not null;

    public bool IsService => ServiceClientId is not null;

    public bool IsAuthenticated => IsUser || IsService;

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    public static Caller User(Guid userId) => new(userId, []);

    public static Caller Service(string clientId, IReadOnlyList<string> scopes) => new(null, scopes, clientId);

    /// <summary>An internal service holding <paramref name="scope"/>; anyone else is refused.</summary>
    public void RequireScope(string scope)
    {
        if (!IsAuthenticated)
        {
            throw CommonErrors.Unauthenticated();
        }

        if (!HasScope(scope))
        {
            throw CommonErrors.MissingScope(scope);
        }
    }
}
