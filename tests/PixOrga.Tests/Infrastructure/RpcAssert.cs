using Google.Rpc;
using Grpc.Core;

namespace PixOrga.Tests.Infrastructure;

/// <summary>Asserts on the error shape every RPC answers with: status, reason code and French message.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call, string? reason = null, string? message = null)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        if (reason is not null)
        {
            Assert.Equal(reason, status!.GetDetail<ErrorInfo>()?.Reason);
        }

        var localized = status!.GetDetail<LocalizedMessage>();
        Assert.NotNull(localized);
        Assert.Equal("fr-FR", localized!.Locale);
        if (message is not null)
        {
            Assert.Equal(message, localized.Message);
        }

        return exception;
    }

    public static Task<RpcException> FailsAsync<T>(StatusCode code, Func<AsyncUnaryCall<T>> call, string? reason = null, string? message = null) =>
        FailsAsync(code, async () => await call(), reason, message);

    public static IReadOnlyList<BadRequest.Types.FieldViolation> Violations(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];
}
