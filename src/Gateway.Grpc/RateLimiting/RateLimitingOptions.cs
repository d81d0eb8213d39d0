namespace PixOrga.Gateway.Grpc.RateLimiting;

/// <summary>
/// Settings of the <c>RateLimiting</c> section: each client address may call each limited method
/// <see cref="PermitLimit"/> times per <see cref="Window"/>. Schools often share one address
/// (académie proxies), so the default is generous; it stops scripted guessing, not people.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
