using System.Globalization;

namespace PixOrga.Benchmark;

/// <summary>Command-line flags; every one has a default, so <c>--schools N</c> alone is a complete command.</summary>
public sealed record BenchmarkOptions
{
    public int Schools { get; init; } = 48_220;

    public int Seed { get; init; } = 20250901;

    public int Concurrency { get; init; } = 64;

    public int ReadsPerSecond { get; init; } = 50;

    /// <summary>
    /// Where the run stops itself, finished or not. By default 5 minutes plus 60 ms per school: the
    /// whole country (about 53 minutes) leaves twice the time a loaded 2-core machine needed for
    /// setup and both bursts (about 26 ms per school), and a stuck run still ends.
    /// </summary>
    public int? MaxSeconds { get; init; }

    public int StopAfterSeconds => MaxSeconds ?? 300 + (int)(Schools * 0.060);

    /// <summary>Schools activated at once during the setup.</summary>
    public int SetupConcurrency { get; init; } = 32;

    /// <summary>Silo processes on the one database (1 or 2); the driver spreads its calls over their gateways.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>The Release silo to start (with a fresh data folder); without it, <see cref="Target"/> must be running.</summary>
    public string? Silo { get; init; }

    public string? Target { get; init; }

    /// <summary>Outbox folder of an already running <see cref="Target"/> (where it writes its mails).</summary>
    public string? Outbox { get; init; }

    /// <summary>A connection to the target's PostgreSQL server for the baselines; none, no database baselines.</summary>
    public string? Postgres { get; init; }

    public string DataDirectory { get; init; } = "bench/.data";

    public string Report { get; init; } = "docs/benchmarks.md";

    public int BaselineSchools { get; init; } = 3000;

    public bool SkipBaselines { get; init; }

    public string? ReaderResults { get; init; }

    /// <summary>Seconds of CPU-sampling profile of the silo during the rentrée burst (0: none).</summary>
    public int ProfileSeconds { get; init; } = 10;

    public int SchoolsPerAdmin { get; init; } = 250;

    public int VerifySchools { get; init; } = 200;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--schools" => options with { Schools = Number() },
                "--seed" => options with { Seed = Number() },
                "--concurrency" => options with { Concurrency = Number() },
                "--reads-per-second" => options with { ReadsPerSecond = Number() },
                "--max-seconds" => options with { MaxSeconds = Number() },
                "--setup-concurrency" => options with { SetupConcurrency = Number() },
                "--silos" => options with { Silos = Number() },
                "--silo" => options with { Silo = Value() },
                "--target" => options with { Target = Value() },
                "--outbox" => options with { Outbox = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--data-dir" => options with { DataDirectory = Value() },
                "--report" => options with { Report = Value() },
                "--baseline-schools" => options with { BaselineSchools = Number() },
                "--skip-baselines" => options with { SkipBaselines = true },
                "--reader-results" => options with { ReaderResults = Value() },
                "--profile-seconds" => options with { ProfileSeconds = Number() },
                "--schools-per-admin" => options with { SchoolsPerAdmin = Number() },
                "--verify-schools" => options with { VerifySchools = Number() },
                _ => throw new ArgumentException($"Unknown flag {args[i]}."),
            };
        }

        if (options.Silo is null && (options.Target is null || options.Outbox is null))
        {
            throw new ArgumentException("Give --silo <PixOrga.Silo.dll> to start PixOrga, or --target <url> and --outbox <folder> of a running one.");
        }

        if (options.Silos is < 1 or > 2 || (options.Silos > 1 && options.Silo is null))
        {
            throw new ArgumentException("--silos is 1 or 2, and a second silo needs --silo (the benchmark starts both).");
        }

        return options;
    }
}
