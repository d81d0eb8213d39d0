using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PixOrga.Silo.Database;

/// <summary>
/// A PostgreSQL cluster of the project's own, run from the machine's binaries in a data folder:
/// the database of the default run when no connection string is configured, and of the tests.
/// A cluster that is already running in the folder is reused and left running.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string PortFileName = "pixorga.port";
    private const string LogFileName = "server.log";
    // Unix domain socket paths are limited to 107 bytes on Linux.
    private const int MaxSocketPathLength = 107;

    private readonly string binDirectory;
    private readonly ILogger logger;

    private LocalPostgres(string binDirectory, string dataDirectory, int port, string database, ILogger logger)
    {
        this.binDirectory = binDirectory;
        this.logger = logger;
        DataDirectory = dataDirectory;
        Port = port;
        ConnectionString = ConnectionStringFor(database);
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>Connection string to the application database named in the options.</summary>
    public string ConnectionString { get; }

    /// <summary>False when the cluster was already running: it then outlives this object.</summary>
    public bool StartedByUs { get; private set; }

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database);

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var binDirectory = await PostgresBinaries.FindDirectoryAsync(cancellationToken);

        // Two silos of the default run may start at once on the same folder: only one may
        // initialise or start the cluster, the other then finds it running.
        await using var startupLock = await StartupLock.AcquireAsync(dataDirectory + ".lock", cancellationToken);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitialiseAsync(binDirectory, dataDirectory, logger, cancellationToken);
        }

        var runningPort = await RunningPortAsync(binDirectory, dataDirectory, cancellationToken);
        var port = runningPort ?? ChoosePort(options, dataDirectory);
        var instance = new LocalPostgres(binDirectory, dataDirectory, port, options.Database, logger);
        try
        {
            if (runningPort is null)
            {
                await instance.StartServerAsync(options, cancellationToken);
                instance.StartedByUs = true;
            }
            else
            {
                logger.LogInformation("Reusing the PostgreSQL cluster already running in {DataDirectory} on port {Port}", dataDirectory, port);
            }

            await instance.WaitUntilAnsweringAsync(cancellationToken);
            await DatabaseCreator.EnsureExistsAsync(instance.ConnectionString, logger, cancellationToken);
            return instance;
        }
        catch
        {
            await instance.StopAsync();
            throw;
        }
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = PostgresCommand.ServerUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Stops the cluster with a fast shutdown, only if this object started it.</summary>
    public async Task StopAsync()
    {
        if (!StartedByUs)
        {
            return;
        }

        StartedByUs = false;
        // Pooled connections to a stopped server are dead; a later server on the same port would
        // otherwise see one failed command per stale connection.
        NpgsqlConnection.ClearAllPools();
        await PgCtlAsync(["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None);
        logger.LogInformation("Stopped the PostgreSQL cluster in {DataDirectory}", DataDirectory);
    }

    /// <summary>Stops the cluster and deletes its data folder: for throw-away clusters only.</summary>
    public async Task DeleteDataAsync()
    {
        await StopAsync();
        if (await RunningPortAsync(binDirectory, DataDirectory, CancellationToken.None) is not null)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL cluster in {DataDirectory} was running before this process and still is; its data is left alone.");
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        File.Delete(DataDirectory + ".lock");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task InitialiseAsync(string binDirectory, string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Initialising a PostgreSQL cluster in {DataDirectory}", dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        if (PostgresCommand.RunningAsRoot)
        {
            await PostgresCommand.RunCheckedAsync("chown", ["-R", PostgresCommand.ServerUser, dataDirectory], asServerUser: false, workingDirectory: null, cancellationToken);
            var reachable = await PostgresCommand.RunAsync("test", ["-w", dataDirectory], asServerUser: true, workingDirectory: null, cancellationToken);
            if (reachable.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"The '{PostgresCommand.ServerUser}' user cannot reach {dataDirectory}: every parent folder must be traversable (chmod o+x), " +
                    "or choose a data folder elsewhere. " + reachable.Output.Trim());
            }
        }

        // Trust authentication is safe here only because the server listens on the loopback
        // interface and a socket in its own data folder: nothing off the machine can connect.
        await PostgresCommand.RunCheckedAsync(
            Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "-A", "trust", "-U", PostgresCommand.ServerUser, "--encoding=UTF8", "--locale=C.UTF-8"],
            asServerUser: true,
            workingDirectory: dataDirectory,
            cancellationToken);
    }

    // The port of the postmaster running in the folder, or null when none is running.
    private static async Task<int?> RunningPortAsync(string binDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var status = await PostgresCommand.RunAsync(
            Path.Combine(binDirectory, "pg_ctl"), ["status", "-D", dataDirectory], asServerUser: true, dataDirectory, cancellationToken);
        if (status.ExitCode != 0)
        {
            return null;
        }

        // The fourth line of postmaster.pid is the port the running server listens on.
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var port) ? port : null;
    }

    // Port 0 is resolved once and written down, so that the data and its address survive restarts.
    private static int ChoosePort(LocalPostgresOptions options, string dataDirectory)
    {
        if (options.Port != 0)
        {
            return options.Port;
        }

        var portFile = Path.Combine(dataDirectory, PortFileName);
        if (File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), out var remembered))
        {
            return remembered;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        File.WriteAllText(portFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return port;
    }

    private async Task StartServerAsync(LocalPostgresOptions options, CancellationToken cancellationToken)
    {
        var settings = new StringBuilder()
            .Append($"-c listen_addresses=127.0.0.1 -p {Port} -c max_connections={options.MaxConnections}")
            .Append(" -k ").Append(ShellQuote(SocketDirectory()));
        if (!options.Durable)
        {
            settings.Append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }

        logger.LogInformation("Starting the PostgreSQL cluster in {DataDirectory} on port {Port}", DataDirectory, Port);
        await PgCtlAsync(
            ["start", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, LogFileName), "-w", "-t", "120", "-o", settings.ToString()],
            cancellationToken);
    }

    // The socket lives in the data folder, which the server user owns; when that path is too long
    // for a socket the server listens on TCP only.
    private string SocketDirectory() =>
        Path.Combine(DataDirectory, $".s.PGSQL.{Port}").Length <= MaxSocketPathLength ? DataDirectory : "";

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var probe = ConnectionStringFor("postgres");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (DateTime.UtcNow < deadline)
            {
                logger.LogDebug(exception, "PostgreSQL on port {Port} is not answering yet", Port);
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private Task PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        PostgresCommand.RunCheckedAsync(Path.Combine(binDirectory, "pg_ctl"), arguments, asServerUser: true, DataDirectory, cancellationToken);

    // pg_ctl hands its -o string to the shell.
    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
