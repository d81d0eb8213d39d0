namespace PixOrga.Benchmark.Reporting;

/// <summary>
/// Parse + validate speed of the product's ONDE reader against the raw CsvHelper read of the same
/// bytes, measured by the separate PixOrga.Benchmark.Reader program (the driver never loads the
/// server's code) and handed over as JSON.
/// </summary>
public sealed record ReaderSpeed(int Files, long Rows, double RawRowsPerSecond, double ReaderRowsPerSecond, int FilesWithErrors)
{
    public double Ratio => RawRowsPerSecond > 0 ? ReaderRowsPerSecond / RawRowsPerSecond : 0;
}
