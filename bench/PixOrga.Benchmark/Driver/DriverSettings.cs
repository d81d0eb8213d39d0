namespace PixOrga.Benchmark.Driver;

/// <summary>How hard and how long the driver pushes.</summary>
public sealed record DriverSettings
{
    /// <summary>Uploads in flight at once.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Schools being activated at once while setting up administrators (not measured).</summary>
    public int SetupConcurrency { get; init; } = 32;

    /// <summary>Roster reads per second issued during the bursts.</summary>
    public int ReadsPerSecond { get; init; } = 50;

    public int ChunkBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// Schools administered by one benchmark account. One account for the whole country would make
    /// its membership list (rewritten at each acceptance) grow to 48,220 entries.
    /// </summary>
    public int SchoolsPerAdmin { get; init; } = 250;

    /// <summary>Schools whose roster is read back and counted after the last generation (0: none, or all with int.MaxValue).</summary>
    public int VerifySchools { get; init; } = 200;

    /// <summary>Distinguishes the accounts of runs sharing one database.</summary>
    public string RunTag { get; init; } = "bench";

    public string OperatorClientId { get; init; } = "operations";

    public string OperatorSecret { get; init; } = "local-operations-secret";

    /// <summary>Generations to upload: 1 (the first) or 2 (then the rentrée).</summary>
    public int Generations { get; init; } = 2;

    /// <summary>Where a progress line is written every second; null for none.</summary>
    public TextWriter? Progress { get; init; }
}
