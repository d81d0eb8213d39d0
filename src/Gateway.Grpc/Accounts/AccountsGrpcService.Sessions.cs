using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.Accounts;

/// <summary>Sign-up, sign-in, refresh, sign-out and the caller's own account.</summary>
public sealed partial class AccountsGrpcService
{
    public override async Task<SignUpResponse> SignUp(SignUpRequest request, ServerCallContext context)
    {
        var grant = await Accounts.SignUp(new SignUpCommand(
            request.FirstName, request.LastName, request.Email, request.Password, request.TermsAccepted, request.IdempotencyKey));
        return new SignUpResponse { Account = AccountMapping.ToAccount(grant.Profile), Session = Session(grant) };
    }

    public override async Task<SignInResponse> SignIn(SignInRequest request, ServerCallContext context)
    {
        var grant = await Accounts.SignIn(request.Email, request.Password);
        return new SignInResponse { Account = AccountMapping.ToAccount(grant.Profile), Session = Session(grant) };
    }

    public override async Task<RefreshSessionResponse> RefreshSession(RefreshSessionRequest request, ServerCallContext context)
    {
        if (!OpaqueToken.TryGetUserId(request.RefreshToken, out var userId))
        {
            throw AccountErrors.InvalidRefreshToken();
        }

        var grant = await grains.GetGrain<IUserGrain>(userId).RefreshSession(request.RefreshToken);
        return new RefreshSessionResponse { Session = Session(grant) };
    }

    public override async Task<SignOutResponse> SignOut(SignOutRequest request, ServerCallContext context)
    {
        // Possession of the refresh token is what signing out needs; an unknown token is already signed out.
        if (OpaqueToken.TryGetUserId(request.RefreshToken, out var userId))
        {
            await grains.GetGrain<IUserGrain>(userId).SignOut(request.RefreshToken);
        }

        return new SignOutResponse();
    }

    public override async Task<GetMeResponse> GetMe(GetMeRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var userId = caller.UserId ?? throw CommonErrors.Forbidden();
        var me = await grains.GetGrain<IUserGrain>(userId).GetMe(caller);
        var response = new GetMeResponse { Account = AccountMapping.ToAccount(me.Profile) };
        response.Memberships.Add(me.Memberships.Select(AccountMapping.ToMembership));
        return response;
    }

    private Contracts.V1.Session Session(SessionGrant grant)
    {
        var access = tokens.ForUser(grant.Profile.UserId);
        return AccountMapping.ToSession(access, grant);
    }
}
