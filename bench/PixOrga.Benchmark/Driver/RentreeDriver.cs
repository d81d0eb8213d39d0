using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using PixOrga.Benchmark.Data;
using PixOrga.Contracts.V1;

namespace PixOrga.Benchmark.Driver;

/// <summary>
/// The benchmark's core, a plain gRPC client: puts the schools in the directory, makes benchmark
/// accounts their ADMINs (setup, not measured), then uploads every school's file of each
/// generation with bounded concurrency while a steady stream of roster reads measures read
/// latency, and finally reads a sample of rosters back to check the counts. Stopping (Ctrl-C or
/// a deadline) cancels what is in flight and returns what was measured so far.
/// </summary>
public sealed class RentreeDriver(GrpcChannel channel, DriverSettings settings, IInvitationInbox inbox, IPhaseListener? listener = null)
{
    /// <summary>The name the listener hears for the administrators' setup; the bursts are "generation 1" and "generation 2".</summary>
    public const string SetupPhase = "setup";

    private const int MaxErrorSamples = 10;

    public async Task<DriverResult> RunAsync(BenchmarkData data, CancellationToken cancellationToken)
    {
        var result = new DriverResult();
        try
        {
            await ImportDirectoryAsync(data.Dataset, result, cancellationToken);
            var admins = await ProvisionAsync(data.Dataset, result, cancellationToken);
            var reads = new ReadLoad(channel, admins, data.Dataset.Schools, settings.ReadsPerSecond);
            var imported = new bool[data.Dataset.Schools.Count];
            for (var generation = 1; generation <= settings.Generations; generation++)
            {
                await new AdminProvisioner(channel, settings, inbox).SignInAgainAsync(admins, cancellationToken);
                var phase = await RunGenerationAsync(data.Generation(generation), admins, reads, imported, cancellationToken);
                result.Phases.Add(phase);
                if (!phase.Completed)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            await VerifyAsync(data, admins, result, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result.Stopped = true;
            result.StopReason ??= "stopped before the end (Ctrl-C or --max-seconds)";
        }

        return result;
    }

    private async Task ImportDirectoryAsync(SchoolDataset dataset, DriverResult result, CancellationToken cancellationToken)
    {
        Log($"Directory: importing {dataset.Schools.Count:N0} écoles through SchoolsService.ImportDirectory");
        var started = Stopwatch.GetTimestamp();
        var token = await new AccountsService.AccountsServiceClient(channel).IssueServiceTokenAsync(
            new IssueServiceTokenRequest { ClientId = settings.OperatorClientId, ClientSecret = settings.OperatorSecret },
            cancellationToken: cancellationToken);
        var headers = new Metadata { { "Authorization", "Bearer " + token.AccessToken } };
        var bytes = dataset.DirectoryCsv();
        using var call = new SchoolsService.SchoolsServiceClient(channel).ImportDirectory(headers, cancellationToken: cancellationToken);
        const int chunk = 256 * 1024;
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            await call.RequestStream.WriteAsync(
                new ImportDirectoryRequest { Chunk = ByteString.CopyFrom(bytes, offset, Math.Min(chunk, bytes.Length - offset)) }, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        result.DirectorySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        result.DirectoryCreated = response.Created + response.Updated + response.Unchanged;
        result.DirectoryErrors = response.Errors.Count;
        if (response.Errors.Count > 0 || result.DirectoryCreated != dataset.Schools.Count)
        {
            throw new InvalidOperationException(
                $"The directory import kept {result.DirectoryCreated} of {dataset.Schools.Count} schools with {response.Errors.Count} errors"
                + (response.Errors.Count > 0 ? $": {response.Errors[0].Reason} line {response.Errors[0].Line}" : "."));
        }
    }

    private async Task<AdminAccounts> ProvisionAsync(SchoolDataset dataset, DriverResult result, CancellationToken cancellationToken)
    {
        Log($"Setup: making benchmark accounts ADMIN of {dataset.Schools.Count:N0} schools, {settings.SetupConcurrency} in flight (not measured)");
        if (listener is not null)
        {
            await listener.PhaseStartedAsync(SetupPhase);
        }

        var started = Stopwatch.GetTimestamp();
        var done = 0;
        using var progress = Every(TimeSpan.FromSeconds(1), () =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var count = Volatile.Read(ref done);
            Log($"  setup {count,8:N0}/{dataset.Schools.Count:N0} schools  {count / Math.Max(elapsed, 0.001),7:N0}/s");
        });
        var admins = await new AdminProvisioner(channel, settings, inbox).ProvisionAsync(
            dataset.Schools, _ => Interlocked.Increment(ref done), cancellationToken);
        result.AdminAccounts = admins.Count;
        result.SchoolsAdministered = done;
        result.AdminSetupSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (listener is not null)
        {
            await listener.PhaseEndedAsync(SetupPhase);
        }

        Log($"Setup: {admins.Count} accounts administer {done:N0} schools ({result.AdminSetupSeconds:N1} s)");
        return admins;
    }

    private async Task<PhaseResult> RunGenerationAsync(
        IReadOnlyList<OndeFile> files, AdminAccounts admins, ReadLoad reads, bool[] imported, CancellationToken cancellationToken)
    {
        var generation = files[0].Generation;
        var name = "generation " + generation.ToString(CultureInfo.InvariantCulture);
        var phase = new PhaseResult { Generation = generation, Schools = files.Count };
        var latency = new LatencyRecorder();
        var uploader = new OndeUploader(channel, settings);
        var errorSamples = new List<string>();
        int done = 0, errors = 0;
        long rows = 0, bytes = 0;

        reads.Restart();
        Log($"Burst {generation}: {files.Count:N0} imports, {settings.Concurrency} in flight, {settings.ReadsPerSecond} roster reads/s");
        if (listener is not null)
        {
            await listener.PhaseStartedAsync(name);
        }

        using var readsStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readTask = reads.RunAsync(readsStop.Token);
        var started = Stopwatch.GetTimestamp();
        var lastDone = 0;
        using var progress = Every(TimeSpan.FromSeconds(1), () =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var count = Volatile.Read(ref done);
            var readLatency = reads.Latency.Summarize();
            Log($"  gen {generation} {count,8:N0}/{files.Count:N0} schools  {count - lastDone,6:N0}/s (avg {count / Math.Max(elapsed, 0.001),6:N0}/s)  "
                + $"rows {Interlocked.Read(ref rows),10:N0}  errors {Volatile.Read(ref errors)}  reads {readLatency.Count:N0} p99 {readLatency.P99:N1} ms");
            lastDone = count;
        });

        try
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
                async (file, token) =>
                {
                    var callStarted = Stopwatch.GetTimestamp();
                    string? problem;
                    try
                    {
                        problem = await uploader.UploadAsync(file, admins.HeadersFor(file.School), token);
                    }
                    catch (RpcException exception) when (!token.IsCancellationRequested)
                    {
                        problem = $"{file.School.Uai} generation {generation}: {exception.StatusCode} {exception.Status.Detail}";
                    }
                    catch (RpcException) when (token.IsCancellationRequested)
                    {
                        // Cut by the stop: neither an import nor an error.
                        throw new OperationCanceledException(token);
                    }

                    if (problem is null)
                    {
                        latency.Add(callStarted);
                        Interlocked.Add(ref rows, file.Rows);
                        Interlocked.Add(ref bytes, file.Bytes.Length);
                        if (generation == 1)
                        {
                            imported[file.School.Index] = true;
                            reads.MarkReady(file.School.Index);
                        }
                        else if (!imported[file.School.Index])
                        {
                            problem = $"{file.School.Uai}: second generation imported without a first";
                        }
                    }

                    if (problem is not null)
                    {
                        Interlocked.Increment(ref errors);
                        lock (errorSamples)
                        {
                            if (errorSamples.Count < MaxErrorSamples)
                            {
                                errorSamples.Add(problem);
                            }
                        }
                    }

                    Interlocked.Increment(ref done);
                });
            phase.Completed = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            phase.Completed = false;
        }

        phase.WallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await readsStop.CancelAsync();
        await readTask;
        if (listener is not null)
        {
            await listener.PhaseEndedAsync(name);
        }

        var (readLatency, readErrors) = reads.Restart();
        phase.Imported = Volatile.Read(ref done) - Volatile.Read(ref errors);
        phase.Errors = Volatile.Read(ref errors);
        phase.Rows = rows;
        phase.Bytes = bytes;
        phase.ImportLatency = latency.Summarize();
        phase.ReadLatency = readLatency.Summarize();
        phase.ReadErrors = readErrors;
        phase.ErrorSamples.AddRange(errorSamples);
        Log($"Burst {generation}: {phase.Imported:N0} imports in {phase.WallSeconds:N1} s = {phase.ImportsPerSecond:N0} imports/s, "
            + $"{phase.RowsPerSecond:N0} rows/s, p99 {phase.ImportLatency.P99:N0} ms, errors {phase.Errors}");
        return phase;
    }

    // Counts the active and all pupils of a sample of schools against what both files imply.
    private async Task VerifyAsync(BenchmarkData data, AdminAccounts admins, DriverResult result, CancellationToken cancellationToken)
    {
        var last = data.Generation(settings.Generations);
        var step = Math.Max(1, last.Count / Math.Max(1, Math.Min(settings.VerifySchools, last.Count)));
        var sample = settings.VerifySchools <= 0 ? [] : last.Where((_, i) => i % step == 0).Take(settings.VerifySchools).ToList();
        Log($"Verify: counting the pupils of {sample.Count:N0} schools");
        var students = new StudentsService.StudentsServiceClient(channel);
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (file, token) =>
        {
            var headers = admins.HeadersFor(file.School);
            var active = await CountAsync(students, file.School.Uai, includeInactive: false, headers, token);
            var all = await CountAsync(students, file.School.Uai, includeInactive: true, headers, token);
            if (active != file.Expected.ActiveAfter || all != file.Expected.TotalAfter)
            {
                lock (result.VerificationMismatches)
                {
                    result.VerificationMismatches.Add(
                        $"{file.School.Uai}: active {active}/{file.Expected.ActiveAfter}, all {all}/{file.Expected.TotalAfter}");
                }
            }
        });
        result.VerifiedSchools = sample.Count;
    }

    private static async Task<int> CountAsync(
        StudentsService.StudentsServiceClient students, string uai, bool includeInactive, Metadata headers, CancellationToken cancellationToken)
    {
        var count = 0;
        var pageToken = string.Empty;
        do
        {
            var page = await students.ListStudentsAsync(
                new ListStudentsRequest { Uai = uai, IncludeInactive = includeInactive, PageSize = 500, PageToken = pageToken },
                headers, cancellationToken: cancellationToken);
            count += page.Students.Count;
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);
        return count;
    }

    private void Log(string line) => settings.Progress?.WriteLine(line);

    private Timer Every(TimeSpan period, Action action) =>
        new(_ => action(), null, settings.Progress is null ? Timeout.InfiniteTimeSpan : period, period);
}
