using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Roster;

/// <summary>
/// The rules of an ONDE import against a roster, without I/O: record a file with errors, preview a
/// dry run, recognise an unchanged file, hold a file that would deactivate most of the school, or
/// apply it; confirm or cancel a held import. A valid upload replaces the held import, if any.
/// </summary>
public static class RosterImportPlanner
{
    public static RosterStep Submit(SchoolRoster roster, OndeImportSubmission submission, Guid by, DateTimeOffset now)
    {
        var store = !submission.Request.DryRun;
        if (submission.Errors.Count > 0)
        {
            var failed = NewImport(roster, submission, by, now, RosterImportStatus.ValidationError, Counts(submission, null), null, false);
            return store ? Record(roster, submission, now, failed, nextHead: null) : new RosterStep(failed, null, null);
        }

        var pupils = submission.Pupils.Select(p => p.ToOnde()).ToList();
        if (store && submission.ContentHash is not null && submission.ContentHash == roster.Head.ContentHash)
        {
            var same = new RosterDiffResult([], [], [], [], pupils.Select(p => p.Ine).ToList(), []);
            return Unchanged(roster, submission, by, now, same);
        }

        var diff = roster.Diff(pupils);
        var requiresConfirmation = RosterSafetyHold.Requires(roster.ActiveCount, diff.Deactivated.Count);
        if (!store)
        {
            var preview = NewImport(roster, submission, by, now, RosterImportStatus.Preview, Counts(submission, diff), ToPreview(diff), requiresConfirmation);
            return new RosterStep(preview, null, null);
        }

        if (diff.Upserts.Count == 0 && diff.Deactivated.Count == 0)
        {
            return Unchanged(roster, submission, by, now, diff);
        }

        if (requiresConfirmation)
        {
            var held = NewImport(roster, submission, by, now, RosterImportStatus.AwaitingConfirmation, Counts(submission, diff), ToPreview(diff), true);
            var head = roster.Head with { Held = new HeldImport(held with { Preview = null }, submission.ContentHash, submission.Pupils) };
            return Record(roster, submission, now, held, head);
        }

        var applied = NewImport(roster, submission, by, now, RosterImportStatus.Imported, Counts(submission, diff), ToPreview(diff), false);
        return Record(roster, submission, now, applied, new RosterHead(roster.Head.Version, submission.ContentHash, null), diff);
    }

    /// <summary>Applies the held import; null when <paramref name="importId"/> is not the held one.</summary>
    public static RosterStep? Confirm(SchoolRoster roster, Guid importId, Guid by, DateTimeOffset now)
    {
        if (roster.Head.Held is not { } held || held.Import.Id != importId)
        {
            return null;
        }

        // Nothing changes the roster while an import is held (any valid upload replaces it), so
        // this is the diff the ADMIN was shown.
        var diff = roster.Diff(held.Pupils.Select(p => p.ToOnde()));
        var counts = held.Import.Counts with
        {
            Added = diff.Added.Count,
            Updated = diff.Updated.Count,
            Reactivated = diff.Reactivated.Count,
            Deactivated = diff.Deactivated.Count,
            Unchanged = diff.Unchanged.Count,
        };
        var confirmed = Decided(held.Import, RosterImportStatus.Imported, by, now) with { Counts = counts };
        var commit = new RosterCommit(
            roster.Uai, now, roster.Head.Version, null,
            [new ImportDecision(importId, RosterImportStatus.Imported, by, counts)],
            roster.Upserts(diff, now), diff.Deactivated, new RosterHead(roster.Head.Version, held.ContentHash, null));
        return new RosterStep(confirmed with { Preview = ToPreview(diff) }, commit, ShownAfterDecision(roster, confirmed));
    }

    /// <summary>Drops the held import; null when <paramref name="importId"/> is not the held one.</summary>
    public static RosterStep? Cancel(SchoolRoster roster, Guid importId, Guid by, DateTimeOffset now)
    {
        if (roster.Head.Held is not { } held || held.Import.Id != importId)
        {
            return null;
        }

        var cancelled = Decided(held.Import, RosterImportStatus.Cancelled, by, now);
        var commit = new RosterCommit(
            roster.Uai, now, roster.Head.Version, null,
            [new ImportDecision(importId, RosterImportStatus.Cancelled, by, null)],
            [], [], roster.Head with { Held = null });
        return new RosterStep(cancelled, commit, ShownAfterDecision(roster, cancelled));
    }

    /// <summary>The preview of the held import against the roster as it is now, for the page that asks the ADMIN.</summary>
    public static RosterImport? WithHeldPreview(SchoolRoster roster)
    {
        var last = roster.LastImport;
        if (last is null || roster.Head.Held is not { } held || held.Import.Id != last.Id)
        {
            return last;
        }

        return last with { Preview = ToPreview(roster.Diff(held.Pupils.Select(p => p.ToOnde()))) };
    }

    private static RosterStep Unchanged(SchoolRoster roster, OndeImportSubmission submission, Guid by, DateTimeOffset now, RosterDiffResult diff)
    {
        var unchanged = NewImport(roster, submission, by, now, RosterImportStatus.Unchanged, Counts(submission, diff), ToPreview(diff), false);
        return Record(roster, submission, now, unchanged, new RosterHead(roster.Head.Version, submission.ContentHash, null));
    }

    private static RosterStep Record(
        SchoolRoster roster, OndeImportSubmission submission, DateTimeOffset now, RosterImport import, RosterHead? nextHead, RosterDiffResult? diff = null)
    {
        var stored = import with { Preview = null };
        var inserted = new InsertedImport(stored, submission.Encoding, submission.ContentHash, submission.Request.IdempotencyKey);

        // A new valid file replaces the held one; a file with errors leaves it waiting.
        ImportDecision[] replaced = nextHead is not null && roster.Head.Held is { } held
            ? [new ImportDecision(held.Import.Id, RosterImportStatus.Cancelled, import.CreatedBy, null)]
            : [];
        var commit = new RosterCommit(
            roster.Uai, now, roster.Head.Version, inserted, replaced,
            diff is null ? [] : roster.Upserts(diff, now), diff?.Deactivated ?? [], nextHead);
        return new RosterStep(import, commit, IsNewest(stored, roster.LastImport) ? stored : null);
    }

    private static RosterImport Decided(RosterImport held, RosterImportStatus status, Guid by, DateTimeOffset now) =>
        held with { Status = status, DecidedAt = now, DecidedBy = by, RequiresConfirmation = false, Preview = null };

    // The history lists the newest first by creation time: a decided import stays where it was.
    private static RosterImport? ShownAfterDecision(SchoolRoster roster, RosterImport decided) =>
        roster.LastImport?.Id == decided.Id ? decided : null;

    // The business clock may stand still or step back; the history orders ties by insertion.
    private static bool IsNewest(RosterImport import, RosterImport? last) =>
        last is null || import.CreatedAt >= last.CreatedAt;

    private static RosterImport NewImport(
        SchoolRoster roster, OndeImportSubmission submission, Guid by, DateTimeOffset now, RosterImportStatus status,
        RosterImportCounts counts, RosterPreview? preview, bool requiresConfirmation) =>
        new(submission.ImportId, roster.Uai, status, now, by, submission.Request.FileName, counts, submission.Errors,
            preview, null, null, false, requiresConfirmation);

    private static RosterImportCounts Counts(OndeImportSubmission submission, RosterDiffResult? diff) => new(
        submission.LineCount,
        diff?.Added.Count ?? 0,
        diff?.Updated.Count ?? 0,
        diff?.Reactivated.Count ?? 0,
        diff?.Deactivated.Count ?? 0,
        diff?.Unchanged.Count ?? 0,
        submission.IgnoredDuplicates);

    private static RosterPreview ToPreview(RosterDiffResult diff) =>
        new(diff.Added, diff.Updated, diff.Reactivated, diff.Deactivated, diff.Unchanged);
}
