namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>
/// A session opened by the user grain: the account and a fresh refresh token. The gateway adds the
/// access token, which it signs itself.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SessionGrant(
    [property: Id(0)] UserProfile Profile,
    [property: Id(1)] string RefreshToken,
    [property: Id(2)] DateTimeOffset RefreshTokenExpiresAt)
{
    // Keeps the refresh token out of any log line that would print the record.
    public override string ToString() => $"{nameof(SessionGrant)} {{ UserId = {Profile.UserId} }}";
}
