namespace PixOrga.Grains.Roster.Onde;

/// <summary>
/// One problem found in an uploaded file. <see cref="Line"/> is null for file-level problems and
/// <see cref="Column"/> is null when no single column is at fault.
/// </summary>
public sealed record OndeImportError(int? Line, string? Column, string Code, string Message);
