using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.Auth;

/// <summary>Mints the signed access tokens that the JwtBearer handler validates on every call.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, PixOrgaClock clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public IssuedToken ForUser(Guid userId) =>
        Issue(
            [new Claim(PixOrgaClaims.Subject, userId.ToString()), new Claim(PixOrgaClaims.Kind, PixOrgaClaims.UserKind)],
            options.Value.AccessTokenLifetime);

    public IssuedToken ForService(string clientId, IEnumerable<string> scopes) =>
        Issue(
            [
                new Claim(PixOrgaClaims.Subject, clientId),
                new Claim(PixOrgaClaims.Kind, PixOrgaClaims.ServiceKind),
                new Claim(PixOrgaClaims.Scope, string.Join(' ', scopes)),
            ],
            options.Value.ServiceTokenLifetime);

    private IssuedToken Issue(IEnumerable<Claim> claims, TimeSpan lifetime)
    {
        var now = clock.UtcNow;
        var expires = now + lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey.From(options.Value), SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(handler.CreateToken(descriptor), expires);
    }
}

public sealed record IssuedToken(string Value, DateTimeOffset ExpiresAt);
