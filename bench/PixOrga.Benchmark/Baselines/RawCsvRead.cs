using System.Diagnostics;
using CsvHelper;
using PixOrga.Benchmark.Data;

namespace PixOrga.Benchmark.Baselines;

/// <summary>
/// The floor of parsing: CsvHelper reading every field of every row as a string, one thread, on
/// the same bytes the server receives.
/// </summary>
public static class RawCsvRead
{
    public static readonly CsvReaderOptions Utf8Options = new() { Separator = ';', HasHeader = false };

    public static readonly CsvReaderOptions Windows1252Options = new() { Separator = ';', HasHeader = false, Encoding = OndeFileGenerator.Windows1252 };

    /// <summary>Best of <paramref name="repeats"/> passes over all files, in rows per second.</summary>
    public static RateResult Measure(IReadOnlyList<OndeFile> files, int repeats = 3)
    {
        var best = double.MaxValue;
        long rows = 0;
        for (var pass = 0; pass < repeats; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            rows = 0;
            long characters = 0;
            foreach (var file in files)
            {
                rows += ReadAll(file, ref characters);
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
            GC.KeepAlive(characters);
        }

        return new RateResult(rows, best);
    }

    private static int ReadAll(OndeFile file, ref long characters)
    {
        using var reader = CsvReader.Create(Body(file), file.School.Windows1252 ? Windows1252Options : Utf8Options);
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                characters += reader.GetString(i).Length;
            }

            rows++;
        }

        // The header is read like any line but is not a pupil.
        return rows - 1;
    }

    // The byte order mark is not data; the server skips it too.
    public static ReadOnlyMemory<byte> Body(OndeFile file) =>
        file.Bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? file.Bytes.AsMemory(3) : file.Bytes;
}

/// <summary>Items (rows or schools) done in a time.</summary>
public sealed record RateResult(long Items, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Items / Seconds : 0;
}
