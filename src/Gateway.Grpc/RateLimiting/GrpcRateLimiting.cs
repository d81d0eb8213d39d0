using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PixOrga.Gateway.Grpc.Errors;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter on <see cref="RateLimitedMethods"/>, a fixed window per client
/// address and method. A rejection is written as a gRPC answer (RESOURCE_EXHAUSTED with our error
/// details): the middleware's plain HTTP 429/503 would reach gRPC clients as UNAVAILABLE or UNKNOWN.
/// </summary>
public static class GrpcRateLimiting
{
    public const string TooManyRequestsCode = "TOO_MANY_REQUESTS";
    public const string TooManyRequestsMessage = "Trop de requêtes. Merci de réessayer dans quelques instants.";

    public static IServiceCollection AddPixOrgaRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var permits = settings.Value.PermitLimit;
            var window = settings.Value.Window;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var path = http.Request.Path.Value ?? string.Empty;
                if (!RateLimitedMethods.Paths.Contains(path))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                return RateLimitPartition.GetFixedWindowLimiter(
                    $"{http.Connection.RemoteIpAddress}|{path}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
            });
            limiter.OnRejected = (context, _) => WriteRejection(context.HttpContext);
        });
        return services;
    }

    /// <summary>A trailers-only gRPC response: HTTP 200 whose headers carry the gRPC status and details.</summary>
    private static ValueTask WriteRejection(HttpContext http)
    {
        var error = RpcErrors.Build(StatusCode.ResourceExhausted, [new DomainError(TooManyRequestsCode, TooManyRequestsMessage)]);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(TooManyRequestsMessage);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(error.Trailers.GetValueBytes("grpc-status-details-bin")!);
        return ValueTask.CompletedTask;
    }
}
