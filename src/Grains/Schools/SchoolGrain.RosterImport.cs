using Microsoft.Extensions.Logging;
using Npgsql;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Schools;

/// <summary>
/// Imports of the school's roster. The grain is their single writer: uploads, confirmations and
/// cancellations of one school run one after the other, each in one database transaction.
/// </summary>
public sealed partial class SchoolGrain : ISchoolRosterWriterGrain
{
    public async Task AuthorizeImport(Caller caller)
    {
        if (!caller.IsUser && caller.Scopes.Count > 0)
        {
            throw CommonErrors.Forbidden();
        }

        await LoadProfileAsync();
        RequireAdmin(caller);
    }

    public async Task<RosterImport> SubmitImport(Caller caller, OndeImportSubmission submission)
    {
        // Checked again: the caller's role may have changed while the file was uploading.
        var admin = RequireAdmin(caller);
        var request = submission.Request;
        var store = !request.DryRun;
        if (store && request.IdempotencyKey is { } key
            && await roster.History.FindByIdempotencyKeyAsync(SchoolUai, key) is { } earlier)
        {
            return earlier with { Replayed = true };
        }

        var now = clock.UtcNow;
        if (submission.Errors.Count > 0)
        {
            var failed = NewImport(submission, admin.UserId, now, RosterImportStatus.ValidationError, Counts(submission, null), null, false);
            if (store)
            {
                await roster.WriteAsync(SchoolUai, null, now, [Insert(failed, submission)]);
                Log(failed);
            }

            return failed;
        }

        var pupils = submission.Pupils.Select(p => p.ToOnde()).ToList();
        if (store && submission.ContentHash == rosterState.State.LastAppliedContentHash)
        {
            var unchanged = new RosterDiffResult([], [], [], [], pupils.Select(p => p.Ine).ToList(), []);
            return await RecordWithoutChangeAsync(submission, admin.UserId, now, unchanged);
        }

        var current = await roster.LoadAsync(SchoolUai);
        var diff = RosterDiff.Compute(current, pupils);
        var requiresConfirmation = RosterSafetyHold.Requires(current.Count(p => p.Active), diff.Deactivated.Count);
        if (!store)
        {
            return NewImport(submission, admin.UserId, now, RosterImportStatus.Preview, Counts(submission, diff), ToPreview(diff), requiresConfirmation);
        }

        if (diff.Upserts.Count == 0 && diff.Deactivated.Count == 0)
        {
            return await RecordWithoutChangeAsync(submission, admin.UserId, now, diff);
        }

        return requiresConfirmation
            ? await HoldAsync(submission, admin.UserId, now, diff)
            : await ApplyAsync(submission, admin.UserId, now, diff);
    }

    public async Task<RosterImport> ConfirmImport(Caller caller, Guid importId)
    {
        var admin = RequireAdmin(caller);
        var pending = rosterState.State.Pending;
        if (pending is null || pending.ImportId != importId)
        {
            throw await NotPendingAsync(importId);
        }

        // The roster cannot have changed since the hold (a new upload would have replaced it), so
        // this is the diff the ADMIN was shown.
        var current = await roster.LoadAsync(SchoolUai);
        var diff = RosterDiff.Compute(current, pending.Pupils.Select(p => p.ToOnde()));
        var now = clock.UtcNow;
        var counts = new RosterImportCounts(0, diff.Added.Count, diff.Updated.Count, diff.Reactivated.Count, diff.Deactivated.Count, diff.Unchanged.Count, 0);
        var guard = RosterImportHistory.Decide(SchoolUai, importId, RosterImportStatus.Imported, now, admin.UserId, counts);
        var applied = await roster.WriteAsync(SchoolUai, diff, now, [], guard);
        rosterState.State.Pending = null;
        if (applied)
        {
            rosterState.State.LastAppliedContentHash = pending.ContentHash;
        }

        await rosterState.WriteStateAsync();
        if (!applied)
        {
            throw RosterErrors.ImportNotAwaitingConfirmation();
        }

        var confirmed = await roster.History.FindAsync(SchoolUai, importId) ?? throw RosterErrors.ImportNotFound();
        Log(confirmed);
        return confirmed with { Preview = ToPreview(diff) };
    }

    public async Task<RosterImport> CancelImport(Caller caller, Guid importId)
    {
        var admin = RequireAdmin(caller);
        var pending = rosterState.State.Pending;
        if (pending is null || pending.ImportId != importId)
        {
            throw await NotPendingAsync(importId);
        }

        var now = clock.UtcNow;
        var guard = RosterImportHistory.Decide(SchoolUai, importId, RosterImportStatus.Cancelled, now, admin.UserId);
        var cancelled = await roster.WriteAsync(SchoolUai, null, now, [], guard);
        rosterState.State.Pending = null;
        await rosterState.WriteStateAsync();
        if (!cancelled)
        {
            throw RosterErrors.ImportNotAwaitingConfirmation();
        }

        var import = await roster.History.FindAsync(SchoolUai, importId) ?? throw RosterErrors.ImportNotFound();
        Log(import);
        return import;
    }

    private async Task<RosterImport> RecordWithoutChangeAsync(OndeImportSubmission submission, Guid by, DateTimeOffset now, RosterDiffResult diff)
    {
        var import = NewImport(submission, by, now, RosterImportStatus.Unchanged, Counts(submission, diff), ToPreview(diff), false);
        await roster.WriteAsync(SchoolUai, null, now, HistoryCommands(import, submission, by, now));
        await SettleAsync(submission.ContentHash);
        Log(import);
        return import;
    }

    private async Task<RosterImport> ApplyAsync(OndeImportSubmission submission, Guid by, DateTimeOffset now, RosterDiffResult diff)
    {
        var import = NewImport(submission, by, now, RosterImportStatus.Imported, Counts(submission, diff), ToPreview(diff), false);
        await roster.WriteAsync(SchoolUai, diff, now, HistoryCommands(import, submission, by, now));
        await SettleAsync(submission.ContentHash);
        Log(import);
        return import;
    }

    // The pupils are kept in grain state before the history row is written: a row announcing an
    // import awaiting confirmation must always have its pupils to apply.
    private async Task<RosterImport> HoldAsync(OndeImportSubmission submission, Guid by, DateTimeOffset now, RosterDiffResult diff)
    {
        var import = NewImport(submission, by, now, RosterImportStatus.AwaitingConfirmation, Counts(submission, diff), ToPreview(diff), true);
        var commands = HistoryCommands(import, submission, by, now);
        var previous = rosterState.State.Pending;
        rosterState.State.Pending = new PendingRosterImport
        {
            ImportId = submission.ImportId,
            ContentHash = submission.ContentHash ?? string.Empty,
            Pupils = [.. submission.Pupils],
        };
        try
        {
            await rosterState.WriteStateAsync();
            await roster.WriteAsync(SchoolUai, null, now, commands);
        }
        catch (Exception)
        {
            rosterState.State.Pending = previous;
            throw;
        }

        Log(import);
        return import;
    }

    private async Task SettleAsync(string? contentHash)
    {
        rosterState.State.Pending = null;
        rosterState.State.LastAppliedContentHash = contentHash;
        await rosterState.WriteStateAsync();
    }

    // A valid upload replaces the import held for confirmation, if any.
    private List<NpgsqlBatchCommand> HistoryCommands(RosterImport import, OndeImportSubmission submission, Guid by, DateTimeOffset now)
    {
        var commands = new List<NpgsqlBatchCommand>();
        if (rosterState.State.Pending is { } pending)
        {
            commands.Add(RosterImportHistory.Decide(SchoolUai, pending.ImportId, RosterImportStatus.Cancelled, now, by));
        }

        commands.Add(Insert(import, submission));
        return commands;
    }

    private static NpgsqlBatchCommand Insert(RosterImport import, OndeImportSubmission submission) =>
        RosterImportHistory.Insert(import, submission.Encoding, submission.ContentHash, submission.Request.IdempotencyKey);

    private async Task<DomainException> NotPendingAsync(Guid importId) =>
        await roster.History.FindAsync(SchoolUai, importId) is null
            ? RosterErrors.ImportNotFound()
            : RosterErrors.ImportNotAwaitingConfirmation();

    private RosterImport NewImport(
        OndeImportSubmission submission, Guid by, DateTimeOffset now, RosterImportStatus status,
        RosterImportCounts counts, RosterPreview? preview, bool requiresConfirmation) =>
        new(submission.ImportId, SchoolUai, status, now, by, submission.Request.FileName, counts, submission.Errors,
            preview, null, null, false, requiresConfirmation);

    private static RosterImportCounts Counts(OndeImportSubmission submission, RosterDiffResult? diff) => new(
        submission.LineCount,
        diff?.Added.Count ?? 0,
        diff?.Updated.Count ?? 0,
        diff?.Reactivated.Count ?? 0,
        diff?.Deactivated.Count ?? 0,
        diff?.Unchanged.Count ?? 0,
        submission.IgnoredDuplicates);

    private void Log(RosterImport import) => logger.LogInformation(
        "School {Uai} import {ImportId}: {Status}, {Added} added, {Updated} updated, {Reactivated} reactivated, {Deactivated} deactivated, {Errors} errors",
        SchoolUai, import.Id, import.Status, import.Counts.Added, import.Counts.Updated, import.Counts.Reactivated,
        import.Counts.Deactivated, import.Errors.Count);
}
