using System.Globalization;
using System.Text.RegularExpressions;

namespace PixOrga.Benchmark.Reporting;

/// <summary>Mean and peak of the runtime counters that explain a burst, from the CSV dotnet-counters writes.</summary>
public static partial class CounterSummary
{
    private static readonly string[] Kept =
    [
        "dotnet.process.cpu.time", "dotnet.gc.collections", "dotnet.gc.heap.total_allocated", "dotnet.gc.pause.time",
        "dotnet.monitor.lock_contentions", "dotnet.thread_pool.queue.length", "dotnet.thread_pool.thread.count",
        "dotnet.process.memory.working_set", "dotnet.exceptions", "db.client.operation.duration", "db.client.connection.count",
        "http.server.request.duration", "http.server.active_requests",
    ];

    /// <summary>The counters sampled inside the given phases (local times, as dotnet-counters stamps them).</summary>
    public static List<(string Counter, double Mean, double Max, int Samples)> Read(string path, IReadOnlyList<(DateTime From, DateTime To)> windows)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 5 || !double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var at = Timestamp(fields[0]);
            if (!windows.Any(w => at >= w.From && at <= w.To))
            {
                continue;
            }

            var name = string.Join(',', fields[2..^2]);
            // Only the application's pool: the start-up connections to the server database say nothing.
            if (!Kept.Any(k => name.StartsWith(k, StringComparison.Ordinal))
                || (name.StartsWith("db.", StringComparison.Ordinal) && (!name.Contains("Database=pixorga", StringComparison.Ordinal) || name.Contains("Pooling=False", StringComparison.Ordinal))))
            {
                continue;
            }

            name = ServerDetails().Replace(name, string.Empty);
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        return [.. values.Select(v => (v.Key, v.Value.Average(), v.Value.Max(), v.Value.Count)).OrderBy(v => v.Key, StringComparer.Ordinal)];
    }

    private static DateTime Timestamp(string field) =>
        DateTime.TryParse(field, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTime.MinValue;

    [GeneratedRegex(@"(db\.client\.connection\.pool\.name=[^;\]]*(;(Port|Username|Database)=[^;\]]*)*;?|db\.system\.name=[^;\]]*;?|server\.(address|port)=[^;\]]*;?)")]
    private static partial Regex ServerDetails();
}
