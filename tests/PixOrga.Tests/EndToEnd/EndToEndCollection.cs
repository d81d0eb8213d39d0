using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd;

/// <summary>End-to-end tests share one running PixOrga: starting a silo per test would dominate the run.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PixOrgaApp>
{
    public const string Name = "end-to-end";
}
