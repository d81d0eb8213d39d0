using PixOrga.Benchmark.Baselines;
using PixOrga.Benchmark.Driver;
using PixOrga.Benchmark.Hosting;

namespace PixOrga.Benchmark.Reporting;

/// <summary>Everything one run measured, for the report.</summary>
public sealed class BenchmarkRun
{
    public required string Command { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required int Concurrency { get; init; }

    public required int ReadsPerSecond { get; init; }

    public required int StopAfterSeconds { get; init; }

    /// <summary>Load averages (1, 5, 15 minutes) when the run started: the machine may be shared.</summary>
    public required string LoadAverage { get; init; }

    public int Silos { get; set; } = 1;

    public int Schools { get; set; }

    public long RowsFirst { get; set; }

    public long RowsSecond { get; set; }

    public long BytesFirst { get; set; }

    public int Windows1252Schools { get; set; }

    public int LargestSchool { get; set; }

    public double GenerationSeconds { get; set; }

    public string? PostgresVersion { get; set; }

    public RateResult? CsvRead { get; set; }

    public RateResult? Copy { get; set; }

    public SortedDictionary<int, RateResult> Transactions { get; } = [];

    public int TransactionSchools { get; set; }

    public ReaderSpeed? Reader { get; set; }

    public DriverResult? Driver { get; set; }

    public List<PhaseCpu> Cpu { get; } = [];

    public long SiloPeakRssBytes { get; set; }

    public List<(string Counter, double Mean, double Max, int Samples)> Counters { get; } = [];

    public string? TopMethods { get; set; }

    public int? ProfiledGeneration { get; set; }

    public double TotalSeconds { get; set; }

    public string? Failure { get; set; }

    public KeyValuePair<int, RateResult>? BestTransactions =>
        Transactions.Count == 0 ? null : Transactions.MaxBy(t => t.Value.PerSecond);
}
