using System.Text;
using System.Text.RegularExpressions;
using PixOrga.Grains.Csv;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.SchoolDirectory;

/// <summary>
/// Reads the national open-data school directory (<c>;</c>-separated, UTF-8) as it arrives in
/// chunks, keeping the <c>Ecole</c> rows. Rows come out in batches as soon as their lines are
/// complete, so an upload of the whole country never sits in memory.
/// </summary>
public sealed partial class DirectoryFileReader
{
    public const string UaiColumn = "Identifiant_de_l_etablissement";
    public const string NameColumn = "Nom_etablissement";
    public const string TypeColumn = "Type_etablissement";
    public const string StatusColumn = "Statut_public_prive";
    public const string MailColumn = "Mail";
    public const string PostalCodeColumn = "Code_postal";
    public const string CityColumn = "Nom_commune";
    public const string StateColumn = "Etat";

    private const int MaxRecordBytes = 64 * 1024;
    private static readonly string[] RequiredColumns = [UaiColumn, NameColumn, TypeColumn];

    private readonly Utf8BomSkipper bom = new();
    private readonly CsvRecordSplitter splitter = new(MaxRecordBytes);
    private readonly CsvRecordParser parser = new((byte)';');
    private readonly HashSet<string> seenUais = new(StringComparer.Ordinal);
    private readonly List<DomainError> errors = [];
    private Dictionary<string, int>? columns;
    private int line;

    public IReadOnlyList<DomainError> Errors => errors;

    public int Skipped { get; private set; }

    /// <summary>Adds a chunk; returns the school rows its complete lines hold.</summary>
    public IReadOnlyList<DirectoryRow> Feed(ReadOnlySpan<byte> chunk)
    {
        var rows = new List<DirectoryRow>();
        var held = bom.Advance(ref chunk);
        Split(held, rows);
        Split(chunk, rows);
        return rows;
    }

    /// <summary>Signals the end of the file; returns the rows of a last line without line feed.</summary>
    public IReadOnlyList<DirectoryRow> Complete()
    {
        var rows = new List<DirectoryRow>();
        Split(bom.Flush(), rows);
        if (splitter.Finish(out var last) == CsvSplitStatus.UnclosedQuote)
        {
            throw BadFormat();
        }

        Read(last, rows);
        return columns is null ? throw BadFormat() : rows;
    }

    private void Split(ReadOnlySpan<byte> bytes, List<DirectoryRow> rows)
    {
        while (true)
        {
            switch (splitter.Next(ref bytes, out var record))
            {
                case CsvSplitStatus.NeedMoreInput:
                    return;
                case CsvSplitStatus.Record:
                    Read(record, rows);
                    break;
                default:
                    throw BadFormat();
            }
        }
    }

    private void Read(ReadOnlySpan<byte> record, List<DirectoryRow> rows)
    {
        if (record.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        if (!parser.TryParse(record))
        {
            throw BadFormat();
        }

        var fields = new string[parser.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = Encoding.UTF8.GetString(parser.Field(i));
        }

        if (fields.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        line++;
        if (columns is null)
        {
            ReadHeader(fields);
        }
        else if (ReadRow(fields) is { } row)
        {
            rows.Add(row);
        }
    }

    private void ReadHeader(string[] fields)
    {
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            columns.TryAdd(fields[i].Trim(), i);
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c))
            .Select(c => new DomainError("HEADER_REQUIRED", $"La colonne “{c}” est obligatoire.", c))
            .ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(ErrorKind.InvalidArgument, missing);
        }
    }

    private DirectoryRow? ReadRow(string[] fields)
    {
        string? Value(string column) =>
            columns!.TryGetValue(column, out var index) && index < fields.Length && fields[index].Trim().Length > 0
                ? fields[index].Trim()
                : null;

        if (!string.Equals(Value(TypeColumn), "Ecole", StringComparison.OrdinalIgnoreCase))
        {
            Skipped++;
            return null;
        }

        var uai = Value(UaiColumn)?.ToUpperInvariant();
        var name = Value(NameColumn);
        if (uai is null || name is null)
        {
            var column = uai is null ? UaiColumn : NameColumn;
            errors.Add(new DomainError("FIELD_REQUIRED", $"Ligne {line} : Le champ “{column}” est obligatoire.", column, line));
            return null;
        }

        if (!UaiPattern().IsMatch(uai))
        {
            errors.Add(new DomainError(
                "FIELD_BAD_FORMAT", $"Ligne {line} : Le champ “{UaiColumn}” doit être un UAI/RNE (7 chiffres et une lettre).", UaiColumn, line));
            return null;
        }

        if (!seenUais.Add(uai))
        {
            errors.Add(new DomainError(
                "PROPERTY_NOT_UNIQ", $"Ligne {line} : Le champ “{UaiColumn}” doit être unique au sein du fichier.", UaiColumn, line));
            return null;
        }

        var email = Value(MailColumn);
        return new DirectoryRow(
            uai,
            name,
            email?.ToLowerInvariant(),
            Value(PostalCodeColumn),
            Value(CityColumn),
            Value(StatusColumn),
            string.Equals(Value(StateColumn), "FERME", StringComparison.OrdinalIgnoreCase));
    }

    private static DomainException BadFormat() => DomainException.Invalid(
        "BAD_CSV_FORMAT", "Le fichier doit être au format csv avec séparateur point-virgule.");

    [GeneratedRegex("^[0-9]{7}[A-Z]$")]
    private static partial Regex UaiPattern();
}
