namespace PixOrga.Gateway.Grpc.Auth;

/// <summary>Whether an access token is within its validity window at a given instant.</summary>
public static class TokenLifetime
{
    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan skew)
    {
        var instant = now.UtcDateTime;
        return expires is { } end
            && end.ToUniversalTime() > instant - skew
            && (notBefore is not { } start || start.ToUniversalTime() <= instant + skew);
    }
}
