using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.Errors;

/// <summary>
/// Turns what grains throw into gRPC statuses. Without it, clients would see <c>UNKNOWN</c> for a
/// silo that died mid-call or a database that went away, and could not tell "retry" from "bug".
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case DomainException domain:
                return RpcErrors.From(domain);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new global::Grpc.Core.Status(StatusCode.Cancelled, "Appel annulé."));
            case TimeoutException:
                logger.LogWarning("Call {Method} timed out inside the cluster", context.Method);
                return RpcErrors.Build(StatusCode.DeadlineExceeded, [new DomainError(
                    "DEADLINE_EXCEEDED", "Le service a mis trop de temps à répondre. Merci de réessayer.")]);
            case SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException
                or OrleansException:
                logger.LogWarning(exception, "Call {Method} failed inside the cluster", context.Method);
                return RpcErrors.From(CommonErrors.ServiceUnavailable());
            default:
                logger.LogError(exception, "Call {Method} failed unexpectedly", context.Method);
                return RpcErrors.Build(StatusCode.Internal, [new DomainError(
                    "INTERNAL", "Quelque chose s'est mal passé. Veuillez réessayer.")]);
        }
    }
}
