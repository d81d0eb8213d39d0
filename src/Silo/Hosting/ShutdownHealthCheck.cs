using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PixOrga.Silo.Hosting;

/// <summary>A silo that is shutting down stops taking new work: load balancers should move away at once.</summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The silo is shutting down")
            : HealthCheckResult.Healthy());
}
