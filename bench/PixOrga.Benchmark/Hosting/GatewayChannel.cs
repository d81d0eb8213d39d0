using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;

namespace PixOrga.Benchmark.Hosting;

/// <summary>
/// The driver's one channel: to a single gateway, or round robin over the gateways of several
/// silos (each call, an upload included, goes whole to the next silo), so the driver itself needs
/// no notion of silos.
/// </summary>
public static class GatewayChannel
{
    public static GrpcChannel For(IReadOnlyList<string> addresses)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (addresses.Count == 1)
        {
            return GrpcChannel.ForAddress(addresses[0], new GrpcChannelOptions { HttpHandler = handler });
        }

        var endpoints = addresses.Select(address => new Uri(address)).Select(uri => new BalancerAddress(uri.Host, uri.Port)).ToList();
        return GrpcChannel.ForAddress("static:///gateways", new GrpcChannelOptions
        {
            HttpHandler = handler,
            Credentials = ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = new Resolvers(new StaticResolverFactory(_ => endpoints)),
        });
    }

    /// <summary>The only service the channel needs: how to resolve <c>static:///</c> (it asks for all resolver factories).</summary>
    private sealed class Resolvers(ResolverFactory factory) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IEnumerable<ResolverFactory>) ? new[] { factory }
            : serviceType == typeof(ResolverFactory) ? factory
            : null;
    }
}
