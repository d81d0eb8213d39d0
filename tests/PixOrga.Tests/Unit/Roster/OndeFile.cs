using System.Text;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Tests.Unit.Roster;

// Builds ONDE exports for the tests and reads them the way the import grain does.
internal static class OndeFile
{
    public const string Header = "Nom élève;Prénom élève;INE;Cycle;Niveau;Libellé classe;Date naissance";

    public static readonly Encoding Windows1252 = CreateWindows1252();

    public static string Row(
        string lastName = "Martin",
        string firstName = "Léa",
        string ine = "123456789AB",
        string cycle = "CYCLE III",
        string level = "CM1",
        string classLabel = "CM1 A",
        string birthDate = "2014-05-06") =>
        string.Join(';', lastName, firstName, ine, cycle, level, classLabel, birthDate);

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    public static OndeImportResult Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    public static OndeImportResult Read(byte[] bytes)
    {
        var reader = new OndeImportReader();
        reader.Feed(bytes);
        return reader.Complete();
    }

    public static OndeImportResult ReadInChunks(byte[] bytes, IEnumerable<int> chunkSizes)
    {
        var reader = new OndeImportReader();
        var offset = 0;
        using var sizes = chunkSizes.GetEnumerator();
        while (offset < bytes.Length)
        {
            var size = sizes.MoveNext() ? Math.Clamp(sizes.Current, 1, bytes.Length - offset) : bytes.Length - offset;
            reader.Feed(bytes.AsSpan(offset, size));
            offset += size;
        }

        return reader.Complete();
    }

    public static string Messages(OndeImportResult result) =>
        string.Join("\n", result.Errors.Select(error => error.Message));

    // Records compare their lists by reference; this spells out everything a result says.
    public static string Describe(OndeImportResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"lines={result.DataLineCount} ignored={result.IgnoredDuplicateCount} encoding={result.Encoding} hash={result.ContentHash}");
        foreach (var error in result.Errors)
        {
            text.AppendLine(error.ToString());
        }

        foreach (var pupil in result.Pupils)
        {
            text.AppendLine(pupil.ToString());
        }

        return text.ToString();
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
