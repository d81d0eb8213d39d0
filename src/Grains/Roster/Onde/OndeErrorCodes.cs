namespace PixOrga.Grains.Roster.Onde;

/// <summary>Stable machine codes of import errors, shared with the front ends.</summary>
public static class OndeErrorCodes
{
    public const string BadCsvFormat = "BAD_CSV_FORMAT";
    public const string HeaderRequired = "HEADER_REQUIRED";
    public const string FieldRequired = "FIELD_REQUIRED";
    public const string FieldBadValues = "FIELD_BAD_VALUES";
    public const string FieldDateFormat = "FIELD_DATE_FORMAT";
    public const string FieldStringMax = "FIELD_STRING_MAX";
    public const string PropertyNotUnique = "PROPERTY_NOT_UNIQ";
}
