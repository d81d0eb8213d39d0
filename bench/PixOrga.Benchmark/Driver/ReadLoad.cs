using System.Diagnostics;
using Grpc.Net.Client;
using PixOrga.Benchmark.Data;
using PixOrga.Contracts.V1;

namespace PixOrga.Benchmark.Driver;

/// <summary>
/// A steady stream of roster reads (the first page of ListStudents of a school that already has
/// pupils) at a fixed rate, whatever the latency: a slow server gets more reads in flight, as it
/// would from real users.
/// </summary>
internal sealed class ReadLoad(GrpcChannel channel, AdminAccounts admins, IReadOnlyList<GeneratedSchool> schools, int readsPerSecond)
{
    private const int MaxInFlight = 512;

    private readonly StudentsService.StudentsServiceClient students = new(channel);
    private readonly int[] ready = new int[schools.Count];
    private int readyCount;
    private int errors;
    private int inFlight;

    public LatencyRecorder Latency { get; private set; } = new();

    public int Errors => Volatile.Read(ref errors);

    /// <summary>A school whose roster can now be read.</summary>
    public void MarkReady(int schoolIndex) => ready[Interlocked.Increment(ref readyCount) - 1] = schoolIndex;

    /// <summary>Starts measuring a new phase; returns what the previous one measured.</summary>
    public (LatencyRecorder Latency, int Errors) Restart()
    {
        var previous = (Latency, Interlocked.Exchange(ref errors, 0));
        Latency = new LatencyRecorder();
        return previous;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (readsPerSecond <= 0)
        {
            return;
        }

        var random = new Random(12345);
        var start = Stopwatch.GetTimestamp();
        long issued = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var due = (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * readsPerSecond);
                for (; issued < due; issued++)
                {
                    var count = Volatile.Read(ref readyCount);
                    if (count == 0 || Volatile.Read(ref inFlight) >= MaxInFlight)
                    {
                        continue;
                    }

                    _ = ReadAsync(schools[ready[random.Next(count)]], cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }

    private async Task ReadAsync(GeneratedSchool school, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref inFlight);
        var recorder = Latency;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var page = await students.ListStudentsAsync(
                new ListStudentsRequest { Uai = school.Uai, PageSize = 50 }, admins.HeadersFor(school), cancellationToken: cancellationToken);
            recorder.Add(started);
            if (page.Students.Count == 0)
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Cut by the end of the run: neither a sample nor an error.
        }
        catch (Exception)
        {
            Interlocked.Increment(ref errors);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
