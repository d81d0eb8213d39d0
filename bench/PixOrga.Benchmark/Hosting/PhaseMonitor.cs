using System.Diagnostics;
using System.Globalization;
using PixOrga.Benchmark.Driver;

namespace PixOrga.Benchmark.Hosting;

/// <summary>
/// Where the machine's CPU went during each phase (silo, its PostgreSQL, this driver), read from
/// /proc; optionally a CPU-sampling profile of the silo (dotnet-trace) during one phase and its
/// runtime counters (dotnet-counters) during the bursts, when those tools are installed.
/// </summary>
public sealed class PhaseMonitor(SiloProcess silo, string workDirectory, TextWriter log, string? profilePhase, int profileSeconds) : IPhaseListener
{
    private readonly Dictionary<string, (long Started, double Silo, double Postgres, double Driver)> open = [];
    private Process? counters;
    private Process? trace;

    public List<PhaseCpu> Phases { get; } = [];

    public string CountersFile => Path.Combine(workDirectory, "counters.csv");

    public string TraceFile => Path.Combine(workDirectory, "silo.nettrace");

    public bool TraceTaken { get; private set; }

    public Task PhaseStartedAsync(string phase)
    {
        open[phase] = (Stopwatch.GetTimestamp(), ProcFs.CpuSeconds(silo.Pid), PostgresCpu(), ProcFs.CpuSeconds(Environment.ProcessId));
        if (counters is null && Tool("dotnet-counters") is { } countersTool)
        {
            counters = Start(countersTool, "collect", "--process-id", silo.Pid.ToString(CultureInfo.InvariantCulture), "--format", "csv",
                "--output", CountersFile, "--refresh-interval", "1", "--counters", "System.Runtime,Microsoft.AspNetCore.Hosting,Npgsql");
        }

        if (phase == profilePhase && profileSeconds > 0 && Tool("dotnet-trace") is { } traceTool)
        {
            log.WriteLine($"  profiling the silo for {profileSeconds} s (dotnet-trace, sampled thread time)");
            trace = Start(traceTool, "collect", "--process-id", silo.Pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
                "--duration", TimeSpan.FromSeconds(profileSeconds).ToString("c", CultureInfo.InvariantCulture), "--output", TraceFile);
        }

        return Task.CompletedTask;
    }

    public async Task PhaseEndedAsync(string phase)
    {
        var (started, siloCpu, postgresCpu, driverCpu) = open[phase];
        Phases.Add(new PhaseCpu(
            phase,
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            ProcFs.CpuSeconds(silo.Pid) - siloCpu,
            PostgresCpu() - postgresCpu,
            ProcFs.CpuSeconds(Environment.ProcessId) - driverCpu));
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

    // Backends live as long as the connection pools, so their CPU is counted while they do.
    private double PostgresCpu() => silo.PostmasterPid is { } postmaster ? ProcFs.Tree(postmaster).Sum(ProcFs.CpuSeconds) : 0;

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

/// <summary>CPU seconds spent by each process group during a phase of <see cref="WallSeconds"/>.</summary>
public sealed record PhaseCpu(string Phase, double WallSeconds, double Silo, double Postgres, double Driver);
