namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>
/// Refresh tokens and reset-link secrets read <c>{userId:N}.{base64url(32 random bytes)}</c>: the
/// prefix lets the gateway route to the user grain, the random part is the secret (only its hash is
/// stored).
/// </summary>
public static class OpaqueToken
{
    private const int UserIdLength = 32;

    public static bool TryGetUserId(string? token, out Guid userId)
    {
        userId = Guid.Empty;
        return token is { Length: > UserIdLength + 1 }
            && token[UserIdLength] == '.'
            && Guid.TryParseExact(token.AsSpan(0, UserIdLength), "N", out userId);
    }
}
