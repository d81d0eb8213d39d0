namespace PixOrga.Grains.Roster.Onde;

/// <summary>
/// Imported values are stored exactly as the school sent them; this is for writing them back out to
/// CSV, where a spreadsheet would run a value such as "=HYPERLINK(...)" as a formula.
/// </summary>
public static class CsvFormulaGuard
{
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
