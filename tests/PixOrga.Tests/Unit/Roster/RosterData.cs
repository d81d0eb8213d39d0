using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Tests.Unit.Roster;

/// <summary>Pupils, files and rosters for the tests of the school's roster rules.</summary>
internal static class RosterData
{
    public const string Uai = "0751234A";

    public static readonly DateTimeOffset Monday = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly BirthDate = new(2015, 3, 4);

    public static RosterStudent Student(
        string ine,
        string lastName = "Martin",
        string firstName = "Léa",
        string classLabel = "CM1 A",
        StudentLevel level = StudentLevel.Cm1,
        bool active = true) =>
        new(Guid.NewGuid(), Uai, ine, lastName, firstName, level, classLabel, BirthDate, active, Monday);

    /// <summary>The row an ONDE file gives for <paramref name="student"/>, unchanged.</summary>
    public static ImportedPupil Same(RosterStudent student) =>
        Pupil(student.Ine, student.LastName, student.FirstName, student.ClassLabel, student.Level == StudentLevel.Cm1 ? OndeLevel.Cm1 : OndeLevel.Cm2);

    public static ImportedPupil Pupil(
        string ine,
        string lastName = "Martin",
        string firstName = "Léa",
        string classLabel = "CM1 A",
        OndeLevel level = OndeLevel.Cm1) => new()
        {
            Ine = ine,
            LastName = lastName,
            FirstName = firstName,
            Cycle = "CYCLE III",
            Level = level,
            ClassLabel = classLabel,
            BirthDate = BirthDate,
        };

    public static OndeImportSubmission Valid(string? contentHash, params ImportedPupil[] pupils) =>
        new(Guid.NewGuid(), Request(dryRun: false), [], pupils, pupils.Length + 1, 0, contentHash, "UTF-8");

    public static OndeImportSubmission DryRun(string? contentHash, params ImportedPupil[] pupils) =>
        new(Guid.NewGuid(), Request(dryRun: true), [], pupils, pupils.Length + 1, 0, contentHash, "UTF-8");

    public static OndeImportSubmission WithErrors(bool dryRun = false) =>
        new(Guid.NewGuid(), Request(dryRun), [new RosterImportError(2, "INE", "INE_REQUIRED", "L’INE est obligatoire.")], [], 3, 0, null, "UTF-8");

    public static OndeImportRequest Request(bool dryRun) => new(Uai, "CSVExtraction.csv", dryRun, "upload-1");

    public static SchoolRoster RosterOf(params RosterStudent[] students) => RosterOf(RosterHead.Empty, null, students);

    public static SchoolRoster RosterOf(RosterHead head, RosterImport? lastImport, params RosterStudent[] students) =>
        new(Uai, new RosterSnapshot(students, head, lastImport));

    /// <summary>Takes in the step's commit as the grain does once the database accepted it.</summary>
    public static RosterStep Adopted(this RosterStep step, SchoolRoster roster)
    {
        roster.Adopt(step.Commit ?? throw new InvalidOperationException("A dry run commits nothing."), step.ShownAsLast);
        return step;
    }

    public static RosterStudent ByIne(this SchoolRoster roster, string ine) => roster.InListOrder.Single(s => s.Ine == ine);
}
