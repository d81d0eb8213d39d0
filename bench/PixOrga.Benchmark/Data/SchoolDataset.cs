using System.Text;

namespace PixOrga.Benchmark.Data;

/// <summary>
/// The generated country: écoles with realistic cycle III sizes (log-normal, mean about 35, long
/// tail clamped at 300) and how each writes its ONDE exports.
/// </summary>
public sealed class SchoolDataset
{
    public const int MaxPupils = 300;

    // Metropolitan departments (no 20: Corsica is 2A/2B) and the overseas ones.
    private static readonly int[] Departments =
        [.. Enumerable.Range(1, 95).Where(d => d != 20), 971, 972, 973, 974, 976];

    // The UAI check letter alphabet (no I, O, Q).
    private const string CheckLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private const string DirectoryHeader =
        "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Code_postal;Nom_commune;Mail;Etat\n";

    private SchoolDataset(DatasetSettings settings, IReadOnlyList<GeneratedSchool> schools)
    {
        Settings = settings;
        Schools = schools;
    }

    public DatasetSettings Settings { get; }

    public IReadOnlyList<GeneratedSchool> Schools { get; }

    public static SchoolDataset Generate(DatasetSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Schools);
        var schools = new GeneratedSchool[settings.Schools];
        for (var i = 0; i < schools.Length; i++)
        {
            schools[i] = NewSchool(settings, i);
        }

        return new SchoolDataset(settings, schools);
    }

    /// <summary>The open-data directory file (UTF-8, <c>;</c>) listing every school as an open école.</summary>
    public byte[] DirectoryCsv()
    {
        var text = new StringBuilder(DirectoryHeader, Schools.Count * 140);
        foreach (var school in Schools)
        {
            var isPublic = school.Index % 7 != 0;
            text.Append(school.Uai).Append(';').Append(school.Name).Append(";Ecole;").Append(isPublic ? "Public" : "Privé")
                .Append(';').Append(school.Index % 90 + 1).Append(" rue de l'École;").Append(school.PostalCode).Append(';')
                .Append(school.City).Append(';').Append(school.Email).Append(";OUVERT\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static GeneratedSchool NewSchool(DatasetSettings settings, int index)
    {
        var random = new Random(unchecked(settings.Seed * 7919 + index));
        var department = Departments[index % Departments.Length];
        var serial = settings.UaiSerialStart + index / Departments.Length;
        var number = department * 10_000 + serial % 10_000;
        var uai = $"{number:0000000}{CheckLetters[number % CheckLetters.Length]}";
        var city = FrenchNames.Cities[random.Next(FrenchNames.Cities.Length)];
        var academy = department >= 971 ? "reunion" : "test";
        var encodingDraw = random.NextDouble();
        return new GeneratedSchool(
            index,
            uai,
            $"{FrenchNames.SchoolNames[random.Next(FrenchNames.SchoolNames.Length)]} ({city})",
            $"ce.{uai.ToLowerInvariant()}@ac-{academy}.fr",
            department >= 971 ? $"{department}{random.Next(10, 99)}" : $"{department:00}{random.Next(0, 999):000}",
            city,
            PupilCount(random),
            Windows1252: encodingDraw < 0.35,
            Utf8Bom: encodingDraw >= 0.35 && encodingDraw < 0.65,
            QuotedFields: random.NextDouble() < 0.2);
    }

    // Log-normal with a median of 29 and sigma 0.6: mean about 35, a few schools in the hundreds.
    private static int PupilCount(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var count = (int)Math.Round(29 * Math.Exp(0.6 * normal));
        return Math.Clamp(count, 1, MaxPupils);
    }
}
