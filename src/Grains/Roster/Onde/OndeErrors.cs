namespace PixOrga.Grains.Roster.Onde;

// The French texts are the ones the Pix Orga front end already shows, typographic quotes included,
// so schools see the same wording as before.
internal static class OndeErrors
{
    public const int MaxTextLength = 255;

    public static OndeImportError BadCsvFormat() => new(
        null, null, OndeErrorCodes.BadCsvFormat,
        "Le fichier doit être au format csv avec séparateur virgule ou point-virgule.");

    public static OndeImportError HeaderRequired(string column) => new(
        null, column, OndeErrorCodes.HeaderRequired, $"La colonne “{column}” est obligatoire.");

    public static OndeImportError FieldRequired(int line, string column) => new(
        line, column, OndeErrorCodes.FieldRequired, $"Ligne {line} : Le champ “{column}” est obligatoire.");

    public static OndeImportError FieldBadValues(int line, string column, string accepted) => new(
        line, column, OndeErrorCodes.FieldBadValues, $"Ligne {line} : Le champ “{column}” doit être “{accepted}”.");

    public static OndeImportError FieldDateFormat(int line, string column) => new(
        line, column, OndeErrorCodes.FieldDateFormat,
        $"Ligne {line} : Le champ “{column}” doit être au format “YYYY-MM-DD”.");

    public static OndeImportError FieldStringMax(int line, string column) => new(
        line, column, OndeErrorCodes.FieldStringMax,
        $"Ligne {line} : Le champ “{column}” ne doit pas dépasser {MaxTextLength} caractères.");

    public static OndeImportError PropertyNotUnique(int line, string column) => new(
        line, column, OndeErrorCodes.PropertyNotUnique,
        $"Ligne {line} : Le champ “{column}” doit être unique au sein du fichier.");
}
