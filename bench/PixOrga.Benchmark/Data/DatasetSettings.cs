namespace PixOrga.Benchmark.Data;

/// <summary>What to generate: the same settings always give the same bytes.</summary>
/// <param name="Schools">How many écoles (48,220 is the national count).</param>
/// <param name="Seed">Seeds every random choice.</param>
/// <param name="UaiSerialStart">First serial number inside a department; moves the UAIs when several datasets share a database.</param>
public sealed record DatasetSettings(int Schools, int Seed = 20250901, int UaiSerialStart = 1000);
