using CsvHelper;
using PixOrga.Benchmark.Data;

namespace PixOrga.Benchmark.Baselines;

/// <summary>A school's rows as columns, read once outside any timing, ready for COPY or unnest.</summary>
public sealed class ParsedSchool
{
    public required string Uai { get; init; }

    public required string[] Ines { get; init; }

    public required string[] LastNames { get; init; }

    public required string[] FirstNames { get; init; }

    public required string[] Levels { get; init; }

    public required string[] ClassLabels { get; init; }

    public required DateOnly[] BirthDates { get; init; }

    public int Count => Ines.Length;

    public static ParsedSchool From(OndeFile file)
    {
        using var reader = CsvReader.Create(RawCsvRead.Body(file), file.School.Windows1252 ? RawCsvRead.Windows1252Options : RawCsvRead.Utf8Options);
        var columns = new List<string>[6];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new List<string>(file.Rows);
        }

        var births = new List<DateOnly>(file.Rows);
        int[]? indexes = null;
        while (reader.Read())
        {
            if (indexes is null)
            {
                var headers = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToList();
                indexes = [.. new[] { "INE", "Nom élève", "Prénom élève", "Niveau", "Libellé classe", "Date naissance" }.Select(name => headers.IndexOf(name))];
                continue;
            }

            for (var c = 0; c < 5; c++)
            {
                columns[c].Add(reader.GetString(indexes[c]));
            }

            births.Add(DateOnly.ParseExact(reader.GetString(indexes[5]), "yyyy-MM-dd"));
        }

        return new ParsedSchool
        {
            Uai = file.School.Uai,
            Ines = [.. columns[0]],
            LastNames = [.. columns[1]],
            FirstNames = [.. columns[2]],
            Levels = [.. columns[3]],
            ClassLabels = [.. columns[4]],
            BirthDates = [.. births],
        };
    }
}
