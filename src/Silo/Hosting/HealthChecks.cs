using Grpc.AspNetCore.HealthChecks;

namespace PixOrga.Silo.Hosting;

/// <summary>
/// Health as the gRPC health service reports it. Readiness (service "" and "readiness"): the
/// database answers and the silo is not shutting down — route traffic here. Liveness
/// ("liveness"): the process answers at all — restart it only when this fails, not when the
/// database is away, which a restart would not fix.
/// </summary>
internal static class HealthChecks
{
    public const string Ready = "ready";
    public const string Live = "live";

    public static IServiceCollection AddPixOrgaHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [Ready])
            .AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: [Live]);
        services.Configure<GrpcHealthChecksOptions>(options =>
        {
            options.Services.Clear();
            options.Services.Map(string.Empty, result => result.Tags.Contains(Ready));
            options.Services.Map("readiness", result => result.Tags.Contains(Ready));
            options.Services.Map("liveness", result => result.Tags.Contains(Live));
        });
        return services;
    }
}
