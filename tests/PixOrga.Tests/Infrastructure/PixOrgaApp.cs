using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Silo.Hosting;

namespace PixOrga.Tests.Infrastructure;

/// <summary>
/// The real thing for end-to-end tests: the silo and gateway built exactly as the executable
/// builds them, on a throw-away PostgreSQL database, Kestrel on loopback ports, mails sent by
/// MailKit to an SMTP server on loopback. Only the business clock is a fake.
/// </summary>
public sealed class PixOrgaApp : IAsyncLifetime
{
    public const string OperatorClient = "operations-test";
    public const string OperatorSecret = "operations-test-secret";
    public const string NoScopeClient = "no-scope-test";
    public const string NoScopeSecret = "no-scope-test-secret";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "pixorga-test-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> overrides;
    private readonly Action<WebApplicationBuilder>? configure;
    private WebApplication? app;

    public PixOrgaApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// A differently configured app, for a fixture of its own (low rate limits, captured logs):
    /// <paramref name="overrides"/> win over the shared settings.
    /// </summary>
    internal PixOrgaApp(IReadOnlyDictionary<string, string?> overrides, Action<WebApplicationBuilder>? configure = null)
    {
        this.overrides = overrides;
        this.configure = configure;
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public SmtpCapture Smtp { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public int GrpcPort { get; } = FreePort.Next();

    public int GrpcWebPort { get; } = FreePort.Next();

    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        Smtp = SmtpCapture.Start();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PixOrga"] = ConnectionString,
            ["Data:Directory"] = dataDirectory,
            ["Network:GrpcPort"] = GrpcPort.ToString(),
            ["Network:GrpcWebPort"] = GrpcWebPort.ToString(),
            ["Cluster:ClusterId"] = "test-" + Guid.NewGuid().ToString("N"),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(),
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = Smtp.Port.ToString(),
            ["Mail:Security"] = "None",
            ["Mail:OrgaBaseUrl"] = "https://orga.test",
            ["Auth:ServiceClients:0:ClientId"] = OperatorClient,
            ["Auth:ServiceClients:0:Secret"] = OperatorSecret,
            ["Auth:ServiceClients:0:Scopes:0"] = Scopes.SchoolsAdmin,
            ["Auth:ServiceClients:0:Scopes:1"] = Scopes.RosterRead,
            ["Auth:ServiceClients:0:Scopes:2"] = Scopes.Junior,
            ["Auth:ServiceClients:1:ClientId"] = NoScopeClient,
            ["Auth:ServiceClients:1:Secret"] = NoScopeSecret,
            ["Logging:LogLevel:Default"] = "Warning",

            // Tests share one client address: limits high enough that they never trip each other.
            ["RateLimiting:PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        app = await PixOrgaHost.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton(new PixOrgaClock(Clock));
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Headers carrying a service token with every internal scope.</summary>
    public async Task<Grpc.Core.Metadata> OperatorAsync() => await ServiceAsync(OperatorClient, OperatorSecret);

    public async Task<Grpc.Core.Metadata> ServiceAsync(string clientId, string secret)
    {
        var token = await new AccountsService.AccountsServiceClient(Channel).IssueServiceTokenAsync(
            new IssueServiceTokenRequest { ClientId = clientId, ClientSecret = secret });
        return Bearer(token.AccessToken);
    }

    public static Grpc.Core.Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };
}
