using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Tests.Infrastructure;

/// <summary>
/// A real silo process (the built executable, not an in-process host), so a test can kill it by
/// PID the way a machine dies, with its own ports, on a shared database.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataDirectory;

    private SiloProcess(Process process, int grpcPort, string dataDirectory)
    {
        this.process = process;
        GrpcPort = grpcPort;
        this.dataDirectory = dataDirectory;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    public int GrpcPort { get; }

    public int SiloPort { get; private init; }

    public int Pid => process.Id;

    public GrpcChannel Channel { get; }

    public bool HasExited => process.HasExited;

    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId, IDictionary<string, string>? settings = null)
    {
        var grpcPort = FreePort.Next();
        var siloPort = FreePort.Next();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "pixorga-silo-" + Guid.NewGuid().ToString("N"));
        var arguments = new Dictionary<string, string>
        {
            ["ConnectionStrings:PixOrga"] = connectionString,
            ["Data:Directory"] = dataDirectory,
            ["Network:GrpcPort"] = grpcPort.ToString(),
            ["Network:GrpcWebPort"] = FreePort.Next().ToString(),
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:SiloPort"] = siloPort.ToString(),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(),
            ["Auth:SigningKey"] = ClusterSigningKey,
            ["Auth:ServiceClients:0:ClientId"] = PixOrgaApp.OperatorClient,
            ["Auth:ServiceClients:0:Secret"] = PixOrgaApp.OperatorSecret,
            ["Auth:ServiceClients:0:Scopes:0"] = Scopes.SchoolsAdmin,
            ["Auth:ServiceClients:0:Scopes:1"] = Scopes.RosterRead,
            ["Auth:ServiceClients:0:Scopes:2"] = Scopes.Junior,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PixOrga.Silo.dll"));
        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, grpcPort, dataDirectory) { SiloPort = siloPort };
        await silo.WaitServingAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>One key for every silo of a test cluster: tokens minted by one are valid on the others.</summary>
    public static readonly string ClusterSigningKey = Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)i).ToArray());

    public void Kill() => process.Kill(entireProcessTree: true);

    private async Task WaitServingAsync(TimeSpan timeout)
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo process exited with code {process.ExitCode}.");
            }

            try
            {
                var answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException)
            {
                // Not listening yet: keep polling until the deadline.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The silo process did not become healthy.");
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
