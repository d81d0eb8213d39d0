namespace PixOrga.Benchmark.Data;

/// <summary>One school's ONDE export for one generation, and what importing it must do.</summary>
public sealed record OndeFile(GeneratedSchool School, int Generation, string FileName, byte[] Bytes, int Rows, ExpectedImport Expected);

/// <summary>The counts a correct import of the file reports, and the roster after it.</summary>
public sealed record ExpectedImport(int Added, int Updated, int Deactivated, int ActiveAfter, int TotalAfter);
