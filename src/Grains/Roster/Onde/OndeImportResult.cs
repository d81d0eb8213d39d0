namespace PixOrga.Grains.Roster.Onde;

/// <summary>
/// The outcome of reading one uploaded file. <see cref="Pupils"/> and <see cref="ContentHash"/> are
/// only filled for a file without errors: an import changes a roster entirely or not at all, so a
/// partial list would only invite misuse.
/// </summary>
public sealed record OndeImportResult(
    IReadOnlyList<OndeImportError> Errors,
    IReadOnlyList<OndePupil> Pupils,
    int DataLineCount,
    int IgnoredDuplicateCount,
    OndeFileEncoding Encoding,
    string? ContentHash)
{
    public bool IsValid => Errors.Count == 0;
}
