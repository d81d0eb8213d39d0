using System.Text;
using PixOrga.Gateway.Grpc.Errors;

namespace PixOrga.Gateway.Grpc.Paging;

/// <summary>
/// Opaque page tokens: the position after which the next page starts, base64url-encoded so
/// clients do not build or parse them.
/// </summary>
public static class PageToken
{
    public static string Encode(string? position) =>
        position is null ? string.Empty : Convert.ToBase64String(Encoding.UTF8.GetBytes(position))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            throw RpcErrors.Invalid("INVALID_PAGE_TOKEN", "Le jeton de page est invalide.", "page_token");
        }

        return Encoding.UTF8.GetString(buffer, 0, written);
    }
}
