using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Accounts;

/// <summary>A PixOrga of its own whose every log line, down to Debug and from every category, is captured.</summary>
public sealed class LogCapturedApp : IAsyncLifetime
{
    public LogCapturedApp()
    {
        App = new PixOrgaApp(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            builder =>
            {
                builder.Logging.AddProvider(Logs);
                // A rule for this provider alone beats the per-category levels of appsettings.json.
                builder.Logging.AddFilter<LogCapture>(null, LogLevel.Debug);
            });
    }

    public LogCapture Logs { get; } = new();

    public PixOrgaApp App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LogCapturedCollection : ICollectionFixture<LogCapturedApp>
{
    public const string Name = "log-captured";
}
