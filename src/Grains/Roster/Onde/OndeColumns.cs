namespace PixOrga.Grains.Roster.Onde;

/// <summary>The ONDE columns PixOrga requires, in the order their rules are checked and reported.</summary>
public static class OndeColumns
{
    public const string LastName = "Nom élève";
    public const string FirstName = "Prénom élève";
    public const string Ine = "INE";
    public const string Cycle = "Cycle";
    public const string Level = "Niveau";
    public const string ClassLabel = "Libellé classe";
    public const string BirthDate = "Date naissance";

    public static IReadOnlyList<string> Required { get; } =
        [LastName, FirstName, Ine, Cycle, Level, ClassLabel, BirthDate];

    internal const int LastNameIndex = 0;
    internal const int FirstNameIndex = 1;
    internal const int IneIndex = 2;
    internal const int CycleIndex = 3;
    internal const int LevelIndex = 4;
    internal const int ClassLabelIndex = 5;
    internal const int BirthDateIndex = 6;
}
