namespace PixOrga.Grains.Roster.Onde;

// Validates data rows in file order and keeps what the end result needs: the errors, the valid
// pupils, and the first description of each INE to tell a repeated row from a conflicting one.
internal sealed class OndeRowCollector
{
    private readonly Dictionary<string, string[]> _firstRowByIne = new(StringComparer.Ordinal);
    private readonly List<OndeImportError> _errors = [];
    private readonly List<OndePupil> _pupils = [];

    public IReadOnlyList<OndeImportError> Errors => _errors;

    public IReadOnlyList<OndePupil> Pupils => _pupils;

    public int IgnoredDuplicateCount { get; private set; }

    /// <param name="values">The trimmed required values, in <see cref="OndeColumns.Required"/> order.</param>
    public void Add(int line, string[] values)
    {
        var ine = values[OndeColumns.IneIndex];
        var conflicting = false;
        if (ine.Length > 0)
        {
            if (_firstRowByIne.TryGetValue(ine, out var first))
            {
                // ONDE exports can list a pupil twice; only a second, different description is an error.
                if (first.AsSpan().SequenceEqual(values))
                {
                    IgnoredDuplicateCount++;
                    return;
                }

                _errors.Add(OndeErrors.PropertyNotUnique(line, OndeColumns.Ine));
                conflicting = true;
            }
            else
            {
                _firstRowByIne.Add(ine, values);
            }
        }

        var pupil = OndeRowValidator.Validate(line, values, _errors);
        if (pupil is not null && !conflicting)
        {
            _pupils.Add(pupil);
        }
    }
}
