namespace PixOrga.Grains.Missions.Catalogue;

/// <summary>The shipped mission catalogue is unusable; the message lists every problem so one fix-and-restart is enough.</summary>
public sealed class MissionCatalogueException(IReadOnlyList<string> problems)
    : InvalidOperationException($"The mission catalogue ({MissionCatalogue.ResourceName}) is invalid: {string.Join("; ", problems)}.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
