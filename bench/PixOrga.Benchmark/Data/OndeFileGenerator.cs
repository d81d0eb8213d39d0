using System.Globalization;
using System.Text;

namespace PixOrga.Benchmark.Data;

/// <summary>
/// Writes a school's two ONDE exports: the first year, then the rentrée where the CM2 have left,
/// the CM1 have become CM2 in renamed classes and new CM1 have arrived. Everything follows from
/// the school's index, so any school can be regenerated alone.
/// </summary>
public static class OndeFileGenerator
{
    // The columns of a real export, the seven PixOrga reads among them, in the export's order.
    public const string Header =
        "Nom élève;Nom d'usage;Prénom élève;Deuxième prénom;Troisième prénom;Date naissance;Commune naissance;Pays naissance;Sexe;INE;Cycle;Niveau;Libellé classe;Regroupement;Date inscription;Dispositif;Statut";

    public const int ColumnCount = 17;

    private const int ClassSize = 27;

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    /// <summary>The first and the second generation of the school's export.</summary>
    public static (OndeFile First, OndeFile Second) Generate(GeneratedSchool school, int seed)
    {
        var random = new Random(unchecked(seed * 31 + school.Index * 104_729 + 17));
        var n = school.PupilCount;
        var leaving = n / 2;
        var staying = n - leaving;
        var first = new List<Pupil>(n);
        for (var k = 0; k < n; k++)
        {
            first.Add(NewPupil(random, school.Index, k, k < staying ? "CM1" : "CM2", k < staying ? 2015 : 2014));
        }

        Label(first, random);

        var arriving = Math.Max(0, leaving + random.Next(-(n / 10), n / 10 + 1));
        var second = new List<Pupil>(staying + arriving);
        second.AddRange(first.Take(staying).Select(p => p with { Level = "CM2" }));
        for (var k = 0; k < arriving; k++)
        {
            second.Add(NewPupil(random, school.Index, n + k, "CM1", 2016));
        }

        Label(second, random);
        Shuffle(second, random);

        return (
            Write(school, 1, first, new ExpectedImport(n, 0, 0, n, n)),
            Write(school, 2, second, new ExpectedImport(arriving, staying, leaving, staying + arriving, n + arriving)));
    }

    private static Pupil NewPupil(Random random, int schoolIndex, int serial, string level, int birthYear)
    {
        var birth = new DateOnly(birthYear, 1, 1).AddDays(random.Next(365));
        var second = random.Next(3) == 0 ? FrenchNames.FirstNames[random.Next(FrenchNames.FirstNames.Length)] : string.Empty;
        return new Pupil(
            Ine(schoolIndex, serial),
            FrenchNames.LastNames[random.Next(FrenchNames.LastNames.Length)],
            FrenchNames.FirstNames[random.Next(FrenchNames.FirstNames.Length)],
            second,
            birth,
            FrenchNames.Cities[random.Next(FrenchNames.Cities.Length)],
            random.Next(2) == 0 ? 'F' : 'M',
            level,
            string.Empty,
            new DateOnly(birthYear + 6, 9, 1).AddDays(random.Next(30)),
            random.Next(40) == 0 ? "ULIS" : string.Empty);
    }

    // Nine digits from the school and the pupil (unique in the country) and two check letters.
    private static string Ine(int schoolIndex, int serial)
    {
        var digits = $"{schoolIndex % 100_000:00000}{serial:0000}";
        var value = long.Parse(digits, CultureInfo.InvariantCulture);
        return digits + (char)('A' + value % 26) + (char)('A' + value / 26 % 26);
    }

    // A small school has one mixed class; a larger one a class (or more) per level. Teachers are
    // drawn anew each year, so every label of the second generation differs from the first.
    private static void Label(List<Pupil> pupils, Random random)
    {
        if (pupils.Count <= ClassSize)
        {
            var label = "CM1-CM2 " + Teacher(random);
            for (var i = 0; i < pupils.Count; i++)
            {
                pupils[i] = pupils[i] with { ClassLabel = label };
            }

            return;
        }

        foreach (var level in new[] { "CM1", "CM2" })
        {
            var indexes = Enumerable.Range(0, pupils.Count).Where(i => pupils[i].Level == level).ToList();
            var classes = Math.Max(1, (indexes.Count + ClassSize - 1) / ClassSize);
            var labels = Enumerable.Range(0, classes).Select(c => $"{level} {(char)('A' + c)} {Teacher(random)}").ToArray();
            for (var i = 0; i < indexes.Count; i++)
            {
                pupils[indexes[i]] = pupils[indexes[i]] with { ClassLabel = labels[i * classes / indexes.Count] };
            }
        }
    }

    private static string Teacher(Random random) =>
        $"{FrenchNames.Teachers[random.Next(FrenchNames.Teachers.Length)]} {random.Next(2024, 2026)}-{random.Next(1, 99):00}";

    private static void Shuffle(List<Pupil> pupils, Random random)
    {
        for (var i = pupils.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (pupils[i], pupils[j]) = (pupils[j], pupils[i]);
        }
    }

    private static OndeFile Write(GeneratedSchool school, int generation, List<Pupil> pupils, ExpectedImport expected)
    {
        var newline = school.Windows1252 || school.Index % 3 == 0 ? "\r\n" : "\n";
        var text = new StringBuilder(Header.Length + pupils.Count * 180);
        text.Append(Header).Append(newline);
        var fields = new string[ColumnCount];
        foreach (var p in pupils)
        {
            fields[0] = p.LastName;
            fields[1] = string.Empty;
            fields[2] = p.FirstName;
            fields[3] = p.SecondFirstName;
            fields[4] = string.Empty;
            fields[5] = p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fields[6] = p.BirthCity;
            fields[7] = "FRANCE";
            fields[8] = p.Sex.ToString();
            fields[9] = p.Ine;
            fields[10] = "CYCLE III";
            fields[11] = p.Level;
            fields[12] = p.ClassLabel;
            fields[13] = p.ClassLabel;
            fields[14] = p.EnrolledOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            fields[15] = p.Scheme;
            fields[16] = "Admis définitif";
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(';');
                }

                if (school.QuotedFields)
                {
                    text.Append('"').Append(fields[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    text.Append(fields[i]);
                }
            }

            text.Append(newline);
        }

        byte[] bytes;
        if (school.Windows1252)
        {
            bytes = Windows1252.GetBytes(text.ToString());
        }
        else
        {
            var body = Utf8NoBom.GetBytes(text.ToString());
            bytes = school.Utf8Bom ? [.. Encoding.UTF8.Preamble, .. body] : body;
        }

        var fileName = $"ONDE_{school.Uai}_{(generation == 1 ? "2024-2025" : "2025-2026")}.csv";
        return new OndeFile(school, generation, fileName, bytes, pupils.Count, expected);
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private sealed record Pupil(
        string Ine, string LastName, string FirstName, string SecondFirstName, DateOnly BirthDate, string BirthCity,
        char Sex, string Level, string ClassLabel, DateOnly EnrolledOn, string Scheme);
}
