namespace PixOrga.Benchmark.Driver;

/// <summary>Told when a measured phase starts and ends, e.g. to sample CPU or take a profile.</summary>
public interface IPhaseListener
{
    Task PhaseStartedAsync(string phase);

    Task PhaseEndedAsync(string phase);
}
