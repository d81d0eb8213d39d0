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
    private const string OutboxKey = "PixOrgaTests:Outbox";

    /// <summary>Where the silos write their mails as .eml files (no SMTP server in grain tests).</summary>
    public string OutboxDirectory { get; } = Path.Combine(Path.GetTempPath(), "pixorga-grain-tests-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        await DatabaseMigrator.MigrateAsync(ConnectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.Properties[OutboxKey] = OutboxDirectory;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (Directory.Exists(OutboxDirectory))
        {
            Directory.Delete(OutboxDirectory, recursive: true);
        }
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
            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mail:OutboxDirectory"] = siloBuilder.Configuration[OutboxKey],
                ["Mail:OrgaBaseUrl"] = "https://orga.test",
            }).Build();
            siloBuilder.Services.AddSingleton<IMailer, HeldMailer>();
            siloBuilder.Services.AddPixOrgaGrains(settings);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain-cluster";
}
