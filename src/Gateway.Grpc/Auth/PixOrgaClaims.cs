namespace PixOrga.Gateway.Grpc.Auth;

/// <summary>Claim names carried by PixOrga access tokens.</summary>
public static class PixOrgaClaims
{
    public const string Subject = "sub";
    public const string Scope = "scope";
    public const string Kind = "kind";
    public const string UserKind = "user";
    public const string ServiceKind = "service";
}
