using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using PixOrga.Grains;
using PixOrga.Grains.Mail;
using PixOrga.Silo.Database;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.Grains;

/// <summary>
/// An in-process Orleans test cluster (two silos) running our grains on a throw-away PostgreSQL
/// database, without the gateway: grain behaviour tested through grain calls, serialisation included.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    private const string ConnectionStringKey = "PixOrgaTests:ConnectionString";

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        await DatabaseMigrator.MigrateAsync(ConnectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]!;
            siloBuilder.AddAdoNetGrainStorageAsDefault(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
            siloBuilder.UseSystemTextJsonGrainStorageSerializer();
            siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            siloBuilder.Services.AddSingleton<IMailer, HeldMailer>();
            siloBuilder.Services.AddPixOrgaGrains(new ConfigurationBuilder().Build());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain-cluster";
}
