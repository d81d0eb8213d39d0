using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.Accounts;

/// <summary>
/// The accounts service. Grains own the accounts; this class maps messages, routes opaque tokens to
/// their user grain and signs the access tokens. Split by concern into partial files.
/// </summary>
public sealed partial class AccountsGrpcService(
    ServiceCredentials serviceCredentials,
    TokenIssuer tokens,
    IGrainFactory grains) : AccountsService.AccountsServiceBase
{
    private IAccountsGrain Accounts => grains.GetGrain<IAccountsGrain>(0);

    public override Task<IssueServiceTokenResponse> IssueServiceToken(
        IssueServiceTokenRequest request, ServerCallContext context)
    {
        var client = serviceCredentials.Authenticate(request.ClientId, request.ClientSecret)
            ?? throw new DomainException(
                ErrorKind.Unauthenticated,
                "INVALID_CLIENT_CREDENTIALS",
                "L'identifiant et/ou le secret du service sont incorrects.");
        var token = tokens.ForService(client.ClientId, client.Scopes);
        var response = new IssueServiceTokenResponse
        {
            AccessToken = token.Value,
            ExpiresAt = Timestamp.FromDateTimeOffset(token.ExpiresAt),
        };
        response.Scopes.Add(client.Scopes);
        return Task.FromResult(response);
    }
}
