using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using PixOrga.Benchmark;
using PixOrga.Benchmark.Baselines;
using PixOrga.Benchmark.Data;
using PixOrga.Benchmark.Driver;
using PixOrga.Benchmark.Hosting;
using PixOrga.Benchmark.Reporting;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

var log = Console.Out;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.StopAfterSeconds));
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops cleanly with a partial report; a second one ends the process.
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        log.WriteLine("Stopping: finishing the report with what was measured so far.");
        stop.Cancel();
    }
};

var total = Stopwatch.StartNew();
var run = new BenchmarkRun
{
    Command = Environment.GetEnvironmentVariable("PIXORGA_BENCH_COMMAND") ?? "PixOrga.Benchmark " + string.Join(' ', args),
    StartedAt = DateTimeOffset.UtcNow,
    Concurrency = options.Concurrency,
    ReadsPerSecond = options.ReadsPerSecond,
    StopAfterSeconds = options.StopAfterSeconds,
    LoadAverage = ProcFs.LoadAverage(),
};
log.WriteLine($"Load average at the start: {run.LoadAverage}; the run stops itself after {options.StopAfterSeconds:N0} s");

log.WriteLine($"Generating {options.Schools:N0} schools (seed {options.Seed})");
var generating = Stopwatch.StartNew();
var data = BenchmarkData.Generate(new DatasetSettings(options.Schools, options.Seed));
run.GenerationSeconds = generating.Elapsed.TotalSeconds;
run.Schools = data.Dataset.Schools.Count;
run.RowsFirst = data.First.Sum(f => (long)f.Rows);
run.RowsSecond = data.Second.Sum(f => (long)f.Rows);
run.BytesFirst = data.First.Sum(f => (long)f.Bytes.Length);
run.Windows1252Schools = data.Dataset.Schools.Count(s => s.Windows1252);
run.LargestSchool = data.Dataset.Schools.Max(s => s.PupilCount);
log.WriteLine($"  {run.RowsFirst:N0} + {run.RowsSecond:N0} rows in {run.GenerationSeconds:N1} s");
if (options.ReaderResults is { } readerFile && File.Exists(readerFile))
{
    run.Reader = JsonSerializer.Deserialize<ReaderSpeed>(await File.ReadAllTextAsync(readerFile));
}

var silos = new List<SiloProcess>();
PhaseMonitor? monitor = null;
try
{
    if (options.Silo is { } siloDll)
    {
        silos.Add(await SiloProcess.StartAsync(siloDll, Path.GetFullPath(options.DataDirectory), log, stop.Token));
        for (var number = 2; number <= options.Silos; number++)
        {
            silos.Add(await SiloProcess.JoinAsync(siloDll, silos[0], number, log, stop.Token));
        }
    }

    var silo = silos.FirstOrDefault();
    run.Silos = silos.Count;
    var postgres = silo?.PostgresConnectionString ?? options.Postgres;
    if (postgres is not null)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(stop.Token);
        run.PostgresVersion = "PostgreSQL " + connection.PostgreSqlVersion;
    }

    if (!options.SkipBaselines)
    {
        await RunBaselinesAsync(options, data, postgres, run, log, stop.Token);
    }

    using var channel = GatewayChannel.For(silos.Count > 0 ? [.. silos.Select(s => s.Address)] : [options.Target!]);
    if (silo is not null)
    {
        monitor = new PhaseMonitor(silos, Path.GetFullPath(options.DataDirectory), log, "generation 2", options.ProfileSeconds);
        run.ProfiledGeneration = options.ProfileSeconds > 0 ? 2 : null;
    }

    await using var inbox = new OutboxInvitationInbox(silo?.OutboxDirectory ?? options.Outbox!);
    var driver = new RentreeDriver(channel, new DriverSettings
    {
        Concurrency = options.Concurrency,
        SetupConcurrency = options.SetupConcurrency,
        ReadsPerSecond = options.ReadsPerSecond,
        SchoolsPerAdmin = options.SchoolsPerAdmin,
        VerifySchools = options.VerifySchools,
        RunTag = "bench" + run.StartedAt.ToUnixTimeSeconds(),
        Progress = log,
    }, inbox, monitor);
    run.Driver = await driver.RunAsync(data, stop.Token);
}
catch (Exception exception) when (exception is not OperationCanceledException || stop.IsCancellationRequested)
{
    run.Failure = exception is OperationCanceledException ? "stopped (Ctrl-C or --max-seconds)" : exception.GetType().Name + ": " + exception.Message;
    log.WriteLine("Run failed: " + exception);
}
finally
{
    if (monitor is not null)
    {
        await monitor.StopAsync();
        run.Cpu.AddRange(monitor.Phases);
        var bursts = monitor.Phases.Where(p => p.Phase != RentreeDriver.SetupPhase).Select(p => (p.StartedAt, p.EndedAt)).ToList();
        run.Counters.AddRange(CounterSummary.Read(monitor.CountersFile, bursts));
        run.TopMethods = await monitor.TopMethodsAsync(20);
    }

    // The first silo started the PostgreSQL server and stops it: it goes last.
    foreach (var silo in Enumerable.Reverse(silos))
    {
        run.SiloPeakRssBytes = Math.Max(run.SiloPeakRssBytes, ProcFs.PeakResidentBytes(silo.Pid));
        await silo.DisposeAsync();
    }
}

run.TotalSeconds = total.Elapsed.TotalSeconds;
var report = MarkdownReport.Render(run);
log.WriteLine();
log.WriteLine(report);
await MarkdownReport.WriteAsync(options.Report, run);
log.WriteLine($"Report written to {options.Report}");
return run.Failure is null && run.Driver is { TotalErrors: 0, Stopped: false } ? 0 : 1;

static async Task RunBaselinesAsync(BenchmarkOptions options, BenchmarkData data, string? postgres, BenchmarkRun run, TextWriter log, CancellationToken cancellationToken)
{
    log.WriteLine("Baseline: raw CsvHelper read of every file");
    run.CsvRead = RawCsvRead.Measure([.. data.AllFiles]);
    log.WriteLine($"  {run.CsvRead.PerSecond:N0} rows/s");
    cancellationToken.ThrowIfCancellationRequested();
    if (postgres is null)
    {
        return;
    }

    var baselines = new PostgresBaselines(postgres, log);
    await using var dataSource = await baselines.CreateDatabaseAsync(maxConnections: 20);
    var parsed = data.First.AsParallel().AsOrdered().Select(ParsedSchool.From).ToList();
    log.WriteLine("Baseline: PostgreSQL binary COPY of every first-generation row");
    run.Copy = await PostgresBaselines.CopyAsync(dataSource, parsed);
    log.WriteLine($"  {run.Copy.PerSecond:N0} rows/s");
    cancellationToken.ThrowIfCancellationRequested();

    var count = Math.Min(options.BaselineSchools, parsed.Count);
    var first = parsed.Take(count).ToList();
    var second = data.Second.Take(count).Select(ParsedSchool.From).ToList();
    run.TransactionSchools = count;
    log.WriteLine($"Baseline: bare per-school transactions ({count:N0} schools × 2 generations)");
    foreach (var concurrency in new[] { 1, 4, 8, 16 })
    {
        run.Transactions[concurrency] = await baselines.TransactionsAsync(dataSource, first, second, concurrency);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
