using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Accounts;

namespace PixOrga.Gateway.Grpc.Accounts;

/// <summary>Password reset by a mailed link.</summary>
public sealed partial class AccountsGrpcService
{
    public override async Task<RequestPasswordResetResponse> RequestPasswordReset(
        RequestPasswordResetRequest request, ServerCallContext context)
    {
        await Accounts.RequestPasswordReset(request.Email);
        return new RequestPasswordResetResponse();
    }

    public override async Task<ResetPasswordResponse> ResetPassword(ResetPasswordRequest request, ServerCallContext context)
    {
        if (!OpaqueToken.TryGetUserId(request.Code, out var userId))
        {
            throw AccountErrors.InvalidResetLink();
        }

        await grains.GetGrain<IUserGrain>(userId).ResetPassword(request.Code, request.NewPassword);
        return new ResetPasswordResponse();
    }
}
