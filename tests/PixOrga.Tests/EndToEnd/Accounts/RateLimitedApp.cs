using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Accounts;

/// <summary>A PixOrga of its own with a rate limit of <see cref="PermitLimit"/> calls per hour and method.</summary>
public sealed class RateLimitedApp : IAsyncLifetime
{
    public const int PermitLimit = 3;

    public PixOrgaApp App { get; } = new(new Dictionary<string, string?>
    {
        ["RateLimiting:PermitLimit"] = PermitLimit.ToString(),
        // Long enough that no window ends during the run.
        ["RateLimiting:Window"] = "01:00:00",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RateLimitedCollection : ICollectionFixture<RateLimitedApp>
{
    public const string Name = "rate-limited";
}
