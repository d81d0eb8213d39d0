using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace PixOrga.Benchmark.Hosting;

/// <summary>
/// PixOrga started for the run: the Release silo in its own process, on loopback ports, with a
/// fresh data folder (so its own fresh PostgreSQL cluster and mail outbox), stopped at the end.
/// A second silo joins the first one's cluster: same data folder, so the same PostgreSQL, signing
/// key and outbox, on ports of its own.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;

    private SiloProcess(Process process, string name, string dataDirectory, int grpcPort, int postgresPort)
    {
        this.process = process;
        Name = name;
        DataDirectory = dataDirectory;
        GrpcPort = grpcPort;
        PostgresPort = postgresPort;
    }

    /// <summary>"silo 1", "silo 2": how the report names it.</summary>
    public string Name { get; }

    public int Pid => process.Id;

    public string DataDirectory { get; }

    public int GrpcPort { get; }

    public int PostgresPort { get; }

    public string LogFile { get; private init; } = string.Empty;

    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    public string Address => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>The application database the silo creates on its server.</summary>
    public const string Database = "pixorga";

    /// <summary>The server's own database; the silo's local cluster trusts loopback connections as <c>postgres</c>.</summary>
    public string PostgresConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database=postgres";

    /// <summary>Pid of the PostgreSQL postmaster the silo started, once it runs.</summary>
    public int? PostmasterPid
    {
        get
        {
            var file = Path.Combine(DataDirectory, "postgres", "postmaster.pid");
            return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
        }
    }

    public static async Task<SiloProcess> StartAsync(string siloDll, string dataDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        return await StartAsync(siloDll, 1, dataDirectory, FreePort(), log, cancellationToken);
    }

    /// <summary>Another silo in the cluster of <paramref name="first"/>, on its PostgreSQL.</summary>
    public static Task<SiloProcess> JoinAsync(string siloDll, SiloProcess first, int number, TextWriter log, CancellationToken cancellationToken) =>
        StartAsync(siloDll, number, first.DataDirectory, first.PostgresPort, log, cancellationToken);

    private static async Task<SiloProcess> StartAsync(
        string siloDll, int number, string dataDirectory, int postgresPort, TextWriter log, CancellationToken cancellationToken)
    {
        var grpcPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(siloDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            Path.GetFullPath(siloDll),
            $"--Data:Directory={dataDirectory}",
            $"--Data:LocalPostgresPort={postgresPort}",
            $"--Network:GrpcPort={grpcPort}",
            $"--Network:GrpcWebPort={FreePort()}",
            $"--Cluster:SiloPort={FreePort()}",
            $"--Cluster:GatewayPort={FreePort()}",
            "--Cluster:ClusterId=bench",
            // The setup activates every school from one loopback address: the per-address limit of
            // the public forms (meant for scripted guessing) would stop it after 60 schools.
            "--RateLimiting:PermitLimit=1000000",
            // Two information lines per import would make the console the bottleneck.
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo did not start.");
        var logFile = number == 1 ? "silo.log" : $"silo-{number}.log";
        var siloLog = new StreamWriter(Path.Combine(dataDirectory, logFile)) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (siloLog) { siloLog.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (siloLog) { siloLog.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, $"silo {number}", dataDirectory, grpcPort, postgresPort) { LogFile = Path.Combine(dataDirectory, logFile) };
        log.WriteLine($"Silo {number}: pid {process.Id}, gRPC on 127.0.0.1:{grpcPort}, PostgreSQL on 127.0.0.1:{postgresPort}, data in {dataDirectory}");
        await silo.WaitServingAsync(cancellationToken);
        return silo;
    }

    private async Task WaitServingAsync(CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode}; see {LogFile}.");
            }

            try
            {
                var answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException) when (deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException("The silo was not SERVING after 3 minutes.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>SIGTERM (the host stops Orleans and its PostgreSQL cleanly), then SIGKILL after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
