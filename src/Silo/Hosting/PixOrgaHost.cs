using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Npgsql;
using Orleans.Configuration;
using PixOrga.Gateway.Grpc;
using PixOrga.Grains;
using PixOrga.Silo.Database;

namespace PixOrga.Silo.Hosting;

/// <summary>
/// Builds the one process PixOrga runs as: an Orleans silo and the gRPC gateway co-hosted, on
/// PostgreSQL (a configured server, or the project's own local cluster).
/// </summary>
public static class PixOrgaHost
{
    public const string ConnectionStringName = "PixOrga";

    public static async Task<WebApplication> BuildAsync(
        string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var configuration = builder.Configuration;
        var data = configuration.GetSection(DataSettings.Section).Get<DataSettings>() ?? new DataSettings();
        var dataDirectory = Path.GetFullPath(data.Directory);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var startupLogger = loggerFactory.CreateLogger("PixOrga.Startup");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var local = await LocalPostgres.StartAsync(
                new LocalPostgresOptions
                {
                    DataDirectory = Path.Combine(dataDirectory, "postgres"),
                    Port = data.LocalPostgresPort,
                    Database = "pixorga",
                },
                startupLogger,
                cancellationToken);
            connectionString = local.ConnectionString;
            builder.Services.AddSingleton(local);
            builder.Services.AddHostedService<LocalDatabaseLifetime>();
        }

        await DatabaseMigrator.MigrateAsync(connectionString, startupLogger, cancellationToken);

        if (string.IsNullOrWhiteSpace(configuration["Auth:SigningKey"]))
        {
            configuration["Auth:SigningKey"] = SigningKeyFile.LoadOrCreate(dataDirectory);
        }

        if (string.IsNullOrWhiteSpace(configuration["Mail:OutboxDirectory"]))
        {
            configuration["Mail:OutboxDirectory"] = Path.Combine(dataDirectory, "outbox");
        }

        ConfigureKestrel(builder);
        ConfigureOrleans(builder, connectionString);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(ApplicationPool(connectionString, configuration)));
        builder.Services.AddPixOrgaGrains(configuration);
        builder.Services.AddPixOrgaGateway(configuration);
        builder.Services.AddPixOrgaHealthChecks();

        var app = builder.Build();
        app.UsePixOrgaGateway();
        return app;
    }

    /// <summary>
    /// The application's own connections (Orleans' providers keep theirs). Their number bounds the
    /// database work of this silo: on a small server, a few connections commit more schools per
    /// second than many, so a rush of uploads queues here, in the silo, rather than in PostgreSQL.
    /// </summary>
    private static string ApplicationPool(string connectionString, IConfiguration configuration) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = configuration.GetValue("Database:MaxConnections", 8),
        }.ConnectionString;

    private static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        var network = builder.Configuration.GetSection(NetworkOptions.Section).Get<NetworkOptions>() ?? new NetworkOptions();
        var address = IPAddress.Parse(network.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, network.GrpcPort, listen =>
            {
                if (string.IsNullOrEmpty(network.TlsCertificatePath))
                {
                    // Cleartext gRPC must be HTTP/2 only: with HTTP/1.1 also on, clients fail with HTTP_1_1_REQUIRED.
                    listen.Protocols = HttpProtocols.Http2;
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(network.TlsCertificatePath, network.TlsCertificatePassword);
                }
            });
            kestrel.Listen(address, network.GrpcWebPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
    }

    private static void ConfigureOrleans(WebApplicationBuilder builder, string connectionString)
    {
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorageAsDefault(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                // The default (about 14 s to declare a silo dead) leaves schools waiting; two missed
                // one-second probes notice a killed silo within seconds. Death still needs the votes
                // of the other silos (NumVotesForDeathDeclaration keeps its default of 2), so one
                // sick silo cannot evict a healthy one alone.
                options.ProbeTimeout = cluster.ProbeTimeout;
                options.NumMissedProbesLimit = cluster.NumMissedProbesLimit;
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            });
        });
    }
}
