namespace PixOrga.Gateway.Grpc.Auth;

/// <summary>Settings of the <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base64 HMAC-SHA256 key that signs access tokens (at least 32 bytes).</summary>
    public string SigningKey { get; set; } = string.Empty;

    public string Issuer { get; set; } = "pixorga";

    public string Audience { get; set; } = "pixorga";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Internal services allowed to obtain service tokens, and their scopes.</summary>
    public List<ServiceClientOptions> ServiceClients { get; set; } = [];
}

public sealed class ServiceClientOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    public List<string> Scopes { get; set; } = [];
}
