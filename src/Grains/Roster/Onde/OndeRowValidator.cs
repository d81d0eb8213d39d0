namespace PixOrga.Grains.Roster.Onde;

// Every column yields at most one error, as in the reference platform: a value outside the accepted
// list is not also measured against the length limit.
internal static class OndeRowValidator
{
    private const string ExpectedCycle = "CYCLE III";

    public static OndePupil? Validate(int line, string[] values, List<OndeImportError> errors)
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

    private static void CheckText(int line, string[] values, int index, List<OndeImportError> errors)
    {
        if (IsPresent(line, values, index, errors) && values[index].Length > OndeErrors.MaxTextLength)
        {
            errors.Add(OndeErrors.FieldStringMax(line, OndeColumns.Required[index]));
        }
    }

    private static bool IsPresent(int line, string[] values, int index, List<OndeImportError> errors)
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

    // Read by hand: the rule does not depend on what the framework's parser tolerates, and this runs
    // for every row. A date is valid when DateOnly can hold it (year 1 to 9999, the month's length).
    private static bool TryParseDate(string value, out DateOnly date)
    {
        date = default;
        if (value.Length != 10 || value[4] != '-' || value[7] != '-'
            || !TryParseDigits(value.AsSpan(0, 4), out var year)
            || !TryParseDigits(value.AsSpan(5, 2), out var month)
            || !TryParseDigits(value.AsSpan(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            number = number * 10 + digit - '0';
        }

        return true;
    }
}
