using System.Diagnostics;

namespace PixOrga.Tests.Database;

/// <summary>
/// Counts the commands Npgsql sends for one piece of work, from Npgsql's tracing: each command is
/// one round trip to PostgreSQL. Only the work's own trace is counted, so tests running at the same
/// time do not add theirs. Work on a warm pool: opening a physical connection is traced too.
/// </summary>
internal static class NpgsqlCommandCounter
{
    public static async Task<(T Result, int Commands)> CountAsync<T>(Func<Task<T>> work)
    {
        using var trace = new Activity(nameof(NpgsqlCommandCounter)).Start();
        var commands = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace.TraceId ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStarted = activity =>
            {
                if (activity.TraceId == trace.TraceId)
                {
                    Interlocked.Increment(ref commands);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = await work();
        return (result, commands);
    }
}
