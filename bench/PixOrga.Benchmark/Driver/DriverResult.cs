namespace PixOrga.Benchmark.Driver;

/// <summary>What a run of the driver measured; partial when it was stopped.</summary>
public sealed class DriverResult
{
    public double DirectorySeconds { get; set; }

    public int DirectoryCreated { get; set; }

    public int DirectoryErrors { get; set; }

    public int AdminAccounts { get; set; }

    public int SchoolsAdministered { get; set; }

    public double AdminSetupSeconds { get; set; }

    public List<PhaseResult> Phases { get; } = [];

    public int VerifiedSchools { get; set; }

    public List<string> VerificationMismatches { get; } = [];

    public bool Stopped { get; set; }

    public string? StopReason { get; set; }

    public int TotalErrors => Phases.Sum(p => p.Errors) + DirectoryErrors + VerificationMismatches.Count;
}

/// <summary>One generation uploaded by every school.</summary>
public sealed class PhaseResult
{
    public required int Generation { get; init; }

    public required int Schools { get; init; }

    public int Imported { get; set; }

    public long Rows { get; set; }

    public long Bytes { get; set; }

    public double WallSeconds { get; set; }

    public bool Completed { get; set; }

    public int Errors { get; set; }

    public List<string> ErrorSamples { get; } = [];

    public LatencySummary ImportLatency { get; set; } = new(0, 0, 0, 0, 0);

    public LatencySummary ReadLatency { get; set; } = new(0, 0, 0, 0, 0);

    public int ReadErrors { get; set; }

    public double ImportsPerSecond => WallSeconds > 0 ? Imported / WallSeconds : 0;

    public double RowsPerSecond => WallSeconds > 0 ? Rows / WallSeconds : 0;
}
