using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace PixOrga.Tests.Database;

/// <summary>An in-process silo on the ADO.NET clustering and grain storage providers, as production configures them.</summary>
internal sealed class AdoNetSilo : IAsyncDisposable
{
    private readonly IHost host;

    private AdoNetSilo(IHost host, int siloPort)
    {
        this.host = host;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    public static async Task<AdoNetSilo> StartAsync(string connectionString, string clusterId, string serviceId, bool deleteStateOnClear = false)
    {
        var siloPort = FreePort();
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = serviceId;
                })
                .ConfigureEndpoints(IPAddress.Loopback, siloPort, FreePort())
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage("Default", options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                    options.DeleteStateOnClear = deleteStateOnClear;
                })
                .UseSystemTextJsonGrainStorageSerializer())
            .Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            // A silo that failed half-way keeps its started components running until stopped.
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await host.StopAsync(stopTimeout.Token);
            }
            catch (Exception)
            {
                // The start failure is the one worth reporting.
            }

            host.Dispose();
            throw;
        }

        return new AdoNetSilo(host, siloPort);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
