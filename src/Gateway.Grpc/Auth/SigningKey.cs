using Microsoft.IdentityModel.Tokens;

namespace PixOrga.Gateway.Grpc.Auth;

internal static class SigningKey
{
    public static SymmetricSecurityKey From(AuthOptions options)
    {
        var bytes = Convert.FromBase64String(options.SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be a base64 key of at least 32 bytes.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
