using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PixOrga.Benchmark.Baselines;
using PixOrga.Benchmark.Data;
using PixOrga.Benchmark.Reporting;
using PixOrga.Grains.Roster.Onde;

// Usage: PixOrga.Benchmark.Reader --schools N --out results.json [--seed S]
var schools = 10_000;
var seed = new DatasetSettings(1).Seed;
string? output = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--schools": schools = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--out": output = args[i + 1]; break;
        default: Console.Error.WriteLine($"Unknown flag {args[i]}"); return 2;
    }
}

var data = BenchmarkData.Generate(new DatasetSettings(schools, seed));
var files = data.AllFiles.ToList();
var raw = RawCsvRead.Measure(files);

// The server feeds the reader the chunks as they arrive: 16 KB here, as the driver sends them.
var best = double.MaxValue;
long rows = 0;
var withErrors = 0;
for (var pass = 0; pass < 3; pass++)
{
    rows = 0;
    withErrors = 0;
    var started = Stopwatch.GetTimestamp();
    foreach (var file in files)
    {
        var reader = new OndeImportReader();
        for (var offset = 0; offset < file.Bytes.Length; offset += 16 * 1024)
        {
            reader.Feed(file.Bytes.AsSpan(offset, Math.Min(16 * 1024, file.Bytes.Length - offset)));
        }

        var result = reader.Complete();
        rows += result.DataLineCount;
        if (result.Errors.Count > 0 || result.Pupils.Count != file.Rows)
        {
            withErrors++;
        }
    }

    best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
}

var speed = new ReaderSpeed(files.Count, rows, raw.PerSecond, rows / best, withErrors);
Console.WriteLine($"Reader: {speed.ReaderRowsPerSecond:N0} rows/s, raw CsvHelper {speed.RawRowsPerSecond:N0} rows/s ({100 * speed.Ratio:N0} %), {withErrors} files with errors");
if (output is not null)
{
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(speed));
}

return withErrors == 0 ? 0 : 1;
