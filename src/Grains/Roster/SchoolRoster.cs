using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Roster;

/// <summary>
/// A school's roster as its grain holds it: every pupil (inactive ones included, so a returning
/// pupil keeps their id), the head and the newest import. Changed only by <see cref="Adopt"/>, with
/// a commit that the database has already accepted.
/// </summary>
public sealed class SchoolRoster
{
    // Every ONDE pupil of cycle III has this cycle; the reader refuses any other, so it is not stored.
    private const string CycleThree = "CYCLE III";

    private readonly Dictionary<string, RosterStudent> byIne = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> classLabels = new(StringComparer.Ordinal);
    private RosterStudent[]? inListOrder;

    public SchoolRoster(string uai, RosterSnapshot snapshot)
    {
        Uai = uai;

        foreach (var student in snapshot.Students)
        {
            byIne[student.Ine] = Shared(student);
        }

        Head = snapshot.Head;
        LastImport = snapshot.LastImport;
    }

    public string Uai { get; }

    public RosterHead Head { get; private set; }

    /// <summary>The newest import of any status, as the history lists it first.</summary>
    public RosterImport? LastImport { get; private set; }

    public int ActiveCount => byIne.Values.Count(s => s.Active);

    /// <summary>All pupils, sorted as lists show them: last name, first name, INE.</summary>
    public IReadOnlyList<RosterStudent> InListOrder => inListOrder ??= [.. byIne.Values.OrderBy(s => s, RosterOrder.Instance)];

    public RosterDiffResult Diff(IEnumerable<OndePupil> imported) =>
        RosterDiff.Compute(byIne.Values.Select(s => new RosterPupil(ToOnde(s), s.Active)), imported);

    /// <summary>The rows an upsert writes for <paramref name="diff"/>: known pupils keep their id, new ones get one.</summary>
    public IReadOnlyList<RosterStudent> Upserts(RosterDiffResult diff, DateTimeOffset now) =>
        diff.Upserts.Select(pupil => new RosterStudent(
            byIne.TryGetValue(pupil.Ine, out var known) ? known.Id : Guid.CreateVersion7(now),
            Uai,
            pupil.Ine,
            pupil.LastName,
            pupil.FirstName,
            pupil.Level == OndeLevel.Cm1 ? StudentLevel.Cm1 : StudentLevel.Cm2,
            pupil.ClassLabel,
            pupil.BirthDate,
            Active: true,
            now)).ToList();

    /// <summary>Takes in what <paramref name="commit"/> wrote; call only once it is committed.</summary>
    public void Adopt(RosterCommit commit, RosterImport? shownAsLast)
    {
        foreach (var student in commit.Upserts)
        {
            byIne[student.Ine] = Shared(student);
        }

        foreach (var ine in commit.Deactivated)
        {
            if (byIne.TryGetValue(ine, out var student) && student.Active)
            {
                byIne[ine] = student with { Active = false, UpdatedAt = commit.Now };
            }
        }

        if (commit.Upserts.Count > 0 || commit.Deactivated.Count > 0)
        {
            inListOrder = null;
        }

        if (commit.NextHead is { } head)
        {
            Head = head with { Version = commit.ExpectedVersion + 1 };
        }

        if (shownAsLast is not null)
        {
            LastImport = shownAsLast;
        }
    }

    // Each row read or imported brings its own copy of the UAI and class label: a school's pupils
    // share one of each, which matters with every school of the country held at once.
    private RosterStudent Shared(RosterStudent student)
    {
        if (!classLabels.TryGetValue(student.ClassLabel, out var label))
        {
            label = classLabels[student.ClassLabel] = student.ClassLabel;
        }

        return ReferenceEquals(student.Uai, Uai) && ReferenceEquals(student.ClassLabel, label)
            ? student
            : student with { Uai = Uai, ClassLabel = label };
    }

    private static OndePupil ToOnde(RosterStudent student) => new(
        student.Ine,
        student.LastName,
        student.FirstName,
        CycleThree,
        student.Level == StudentLevel.Cm1 ? OndeLevel.Cm1 : OndeLevel.Cm2,
        student.ClassLabel,
        student.BirthDate);
}
