using System.Text;

namespace PixOrga.Grains.Roster.Onde;

internal sealed class OndeHeader
{
    // The names as decoded, untrimmed, so that they can be read again in another encoding.
    private readonly string[] _names;

    public OndeHeader(string[] names)
    {
        _names = names;
        ColumnIndexes = Resolve(out var missing);
        MissingColumns = missing;
    }

    public int FieldCount => _names.Length;

    /// <summary>Where each required column is, in <see cref="OndeColumns.Required"/> order; null when any is missing.</summary>
    public int[]? ColumnIndexes { get; private set; }

    public IReadOnlyList<string> MissingColumns { get; private set; }

    public void RedecodeAsWindows1252()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (!Ascii.IsValid(_names[i]))
            {
                _names[i] = OndeTextDecoder.RedecodeAsWindows1252(_names[i]);
            }
        }

        ColumnIndexes = Resolve(out var missing);
        MissingColumns = missing;
    }

    private int[]? Resolve(out List<string> missing)
    {
        missing = [];
        var indexes = new int[OndeColumns.Required.Count];
        for (var column = 0; column < indexes.Length; column++)
        {
            indexes[column] = Array.FindIndex(_names, name => name.Trim() == OndeColumns.Required[column]);
            if (indexes[column] < 0)
            {
                missing.Add(OndeColumns.Required[column]);
            }
        }

        return missing.Count == 0 ? indexes : null;
    }
}
