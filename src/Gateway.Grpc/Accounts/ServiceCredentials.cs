using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PixOrga.Gateway.Grpc.Auth;

namespace PixOrga.Gateway.Grpc.Accounts;

/// <summary>Checks an internal service's client id and secret against the configured clients.</summary>
public sealed class ServiceCredentials(IOptions<AuthOptions> options)
{
    public ServiceClientOptions? Authenticate(string clientId, string secret)
    {
        var client = options.Value.ServiceClients.FirstOrDefault(c => c.ClientId == clientId);

        // Compare in constant time, and compare even for an unknown id, so timing says nothing.
        var expected = Encoding.UTF8.GetBytes(client?.Secret ?? "unknown-client-placeholder-secret");
        var given = Encoding.UTF8.GetBytes(secret);
        var matches = CryptographicOperations.FixedTimeEquals(SHA256.HashData(expected), SHA256.HashData(given));
        return client is not null && client.Secret.Length > 0 && matches ? client : null;
    }
}
