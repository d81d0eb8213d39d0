using System.Diagnostics;
using System.Globalization;
using PixOrga.Benchmark.Driver;

namespace PixOrga.Benchmark.Hosting;

/// <summary>
/// Where the machine's CPU went during each phase (each silo, its PostgreSQL, this driver), read
/// from /proc, and what the database did (commits, writing transactions); optionally a
/// CPU-sampling profile of the first silo (dotnet-trace) during one phase and its runtime counters
/// (dotnet-counters) from the first phase on, when those tools are installed.
/// </summary>
public sealed class PhaseMonitor(IReadOnlyList<SiloProcess> silos, string workDirectory, TextWriter log, string? profilePhase, int profileSeconds) : IPhaseListener
{
    private readonly Dictionary<string, (long Started, DateTime StartedAt, double[] Silos, double Postgres, double Driver, PostgresActivity? Database)> open = [];
    private readonly SiloProcess first = silos[0];
    private Process? counters;
    private Process? trace;

    public List<PhaseCpu> Phases { get; } = [];

    public string CountersFile => Path.Combine(workDirectory, "counters.csv");

    public string TraceFile => Path.Combine(workDirectory, "silo.nettrace");

    public bool TraceTaken { get; private set; }

    public async Task PhaseStartedAsync(string phase)
    {
        var database = await PostgresActivity.ReadAsync(first.PostgresConnectionString, SiloProcess.Database);
        open[phase] = (Stopwatch.GetTimestamp(), DateTime.Now, SiloCpu(), PostgresCpu(), ProcFs.CpuSeconds(Environment.ProcessId), database);
        if (counters is null && Tool("dotnet-counters") is { } countersTool)
        {
            counters = Start(countersTool, "collect", "--process-id", first.Pid.ToString(CultureInfo.InvariantCulture), "--format", "csv",
                "--output", CountersFile, "--refresh-interval", "1", "--counters", "System.Runtime,Microsoft.AspNetCore.Hosting,Npgsql");
        }

        if (phase == profilePhase && profileSeconds > 0 && Tool("dotnet-trace") is { } traceTool)
        {
            log.WriteLine($"  profiling {first.Name} for {profileSeconds} s (dotnet-trace, sampled thread time)");
            trace = Start(traceTool, "collect", "--process-id", first.Pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
                "--duration", TimeSpan.FromSeconds(profileSeconds).ToString("c", CultureInfo.InvariantCulture), "--output", TraceFile);
        }
    }

    public async Task PhaseEndedAsync(string phase)
    {
        var (started, startedAt, siloCpu, postgresCpu, driverCpu, database) = open[phase];
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var silosNow = SiloCpu();
        var driverNow = ProcFs.CpuSeconds(Environment.ProcessId);
        var postgresNow = PostgresCpu();
        var databaseNow = await PostgresActivity.ReadAsync(first.PostgresConnectionString, SiloProcess.Database);
        Phases.Add(new PhaseCpu(
            phase,
            wall,
            [.. silosNow.Zip(siloCpu, (end, start) => end - start)],
            postgresNow - postgresCpu,
            driverNow - driverCpu)
        {
            StartedAt = startedAt,
            EndedAt = DateTime.Now,
            Database = databaseNow is not null && database is not null ? databaseNow - database : null,
        });
        if (trace is not null && phase == profilePhase)
        {
            await trace.WaitForExitAsync();
            TraceTaken = File.Exists(TraceFile);
            trace.Dispose();
            trace = null;
        }
    }

    /// <summary>Stops the counters; call once the bursts are over.</summary>
    public async Task StopAsync()
    {
        if (counters is { HasExited: false })
        {
            using (var interrupt = Process.Start("kill", ["-INT", counters.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await counters.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                counters.Kill();
            }
        }

        counters?.Dispose();
        counters = null;
    }

    /// <summary>The top methods of the trace by exclusive time, as dotnet-trace reports them.</summary>
    public async Task<string?> TopMethodsAsync(int count)
    {
        if (!TraceTaken || Tool("dotnet-trace") is not { } traceTool)
        {
            return null;
        }

        using var report = Start(traceTool, drain: false, "report", TraceFile, "topN", "-n", count.ToString(CultureInfo.InvariantCulture));
        var text = await report.StandardOutput.ReadToEndAsync();
        await report.WaitForExitAsync();
        return text;
    }

    private double[] SiloCpu() => [.. silos.Select(silo => ProcFs.CpuSeconds(silo.Pid))];

    // Backends live as long as the connection pools, so their CPU is counted while they do.
    private double PostgresCpu() => first.PostmasterPid is { } postmaster ? ProcFs.Tree(postmaster).Sum(ProcFs.CpuSeconds) : 0;

    private static string? Tool(string name)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Append(Path.Combine(home, ".dotnet", "tools"))
            .Select(directory => Path.Combine(directory, name));
        return candidates.FirstOrDefault(File.Exists);
    }

    // The tools' console output is drained (a full pipe would stall them) except for reports.
    private static Process Start(string program, params string[] arguments) => Start(program, drain: true, arguments);

    private static Process Start(string program, bool drain, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        if (drain)
        {
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
        }

        return process;
    }
}

/// <summary>CPU seconds spent by each process group during a phase of <see cref="WallSeconds"/>, and what the database did.</summary>
public sealed record PhaseCpu(string Phase, double WallSeconds, IReadOnlyList<double> Silos, double Postgres, double Driver)
{
    public double Silo => Silos.Sum();

    /// <summary>Local time, as dotnet-counters stamps its samples.</summary>
    public DateTime StartedAt { get; init; }

    public DateTime EndedAt { get; init; }

    public PostgresActivity? Database { get; init; }
}
