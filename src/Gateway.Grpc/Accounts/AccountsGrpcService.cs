using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.Accounts;

public sealed partial class AccountsGrpcService(
    ServiceCredentials serviceCredentials,
    TokenIssuer tokens) : AccountsService.AccountsServiceBase
{
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
