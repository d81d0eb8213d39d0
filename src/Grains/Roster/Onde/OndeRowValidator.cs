using System.Globalization;

namespace PixOrga.Grains.Roster.Onde;

// Every column yields at most one error, as in the reference platform: a value outside the accepted
// list is not also measured against the length limit.
internal static class OndeRowValidator
{
    private const string ExpectedCycle = "CYCLE III";

    public static OndePupil? Validate(int line, IReadOnlyList<string> values, List<OndeImportError> errors)
    {
        var errorCountBefore = errors.Count;

        CheckText(line, values, OndeColumns.LastNameIndex, errors);
        CheckText(line, values, OndeColumns.FirstNameIndex, errors);
        CheckText(line, values, OndeColumns.IneIndex, errors);
        if (IsPresent(line, values, OndeColumns.CycleIndex, errors)
            && values[OndeColumns.CycleIndex] != ExpectedCycle)
        {
            errors.Add(OndeErrors.FieldBadValues(line, OndeColumns.Cycle, ExpectedCycle));
        }

        var level = default(OndeLevel);
        if (IsPresent(line, values, OndeColumns.LevelIndex, errors)
            && !TryParseLevel(values[OndeColumns.LevelIndex], out level))
        {
            errors.Add(OndeErrors.FieldBadValues(line, OndeColumns.Level, "CM1 ou CM2"));
        }

        CheckText(line, values, OndeColumns.ClassLabelIndex, errors);
        var birthDate = default(DateOnly);
        if (IsPresent(line, values, OndeColumns.BirthDateIndex, errors)
            && !TryParseDate(values[OndeColumns.BirthDateIndex], out birthDate))
        {
            errors.Add(OndeErrors.FieldDateFormat(line, OndeColumns.BirthDate));
        }

        if (errors.Count != errorCountBefore)
        {
            return null;
        }

        return new OndePupil(
            values[OndeColumns.IneIndex],
            values[OndeColumns.LastNameIndex],
            values[OndeColumns.FirstNameIndex],
            values[OndeColumns.CycleIndex],
            level,
            values[OndeColumns.ClassLabelIndex],
            birthDate);
    }

    private static void CheckText(int line, IReadOnlyList<string> values, int index, List<OndeImportError> errors)
    {
        if (IsPresent(line, values, index, errors) && values[index].Length > OndeErrors.MaxTextLength)
        {
            errors.Add(OndeErrors.FieldStringMax(line, OndeColumns.Required[index]));
        }
    }

    private static bool IsPresent(int line, IReadOnlyList<string> values, int index, List<OndeImportError> errors)
    {
        if (values[index].Length > 0)
        {
            return true;
        }

        errors.Add(OndeErrors.FieldRequired(line, OndeColumns.Required[index]));
        return false;
    }

    private static bool TryParseLevel(string value, out OndeLevel level)
    {
        switch (value)
        {
            case "CM1":
                level = OndeLevel.Cm1;
                return true;
            case "CM2":
                level = OndeLevel.Cm2;
                return true;
            default:
                level = default;
                return false;
        }
    }

    // The shape is checked by hand so the rule does not depend on what the framework's parser
    // tolerates; TryParseExact is left with rejecting impossible dates such as 2014-02-30.
    private static bool TryParseDate(string value, out DateOnly date)
    {
        date = default;
        if (value.Length != 10 || value[4] != '-' || value[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (i != 4 && i != 7 && !char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
