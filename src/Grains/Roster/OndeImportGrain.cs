using Microsoft.Extensions.Logging;
using Orleans.Placement;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Roster;

/// <summary>
/// One upload: feeds the bytes to the ONDE reader as they arrive, so only a chunk and the pupils
/// read so far are in memory, then hands the outcome to the school grain. Placed at random so that
/// the back-to-school rush spreads its parsing over every silo. Nothing is persisted: an upload cut
/// by a silo failure is simply sent again.
/// </summary>
[RandomPlacement]
[CollectionAgeLimit(Minutes = 5)]
public sealed class OndeImportGrain(IGrainFactory grains, ILogger<OndeImportGrain> logger) : Grain, IOndeImportGrain
{
    private readonly OndeImportReader reader = new();
    private Caller? caller;
    private OndeImportRequest? request;
    private long received;

    public async Task Begin(Caller caller, OndeImportRequest request)
    {
        if (this.request is not null)
        {
            throw RosterErrors.ImportAlreadyStarted();
        }

        try
        {
            var checkedRequest = Check(request);
            await School(checkedRequest.Uai).AuthorizeImport(caller);
            this.caller = caller;
            this.request = checkedRequest;
        }
        catch (DomainException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public Task Feed(byte[] chunk)
    {
        EnsureBegun();
        received += chunk.Length;
        if (received > RosterErrors.MaxFileBytes)
        {
            logger.LogInformation("Import {ImportId} refused: over {MaxBytes} bytes", this.GetPrimaryKey(), RosterErrors.MaxFileBytes);
            DeactivateOnIdle();
            throw RosterErrors.PayloadTooLarge();
        }

        reader.Feed(chunk);
        return Task.CompletedTask;
    }

    public async Task<RosterImport> Complete()
    {
        var (begunCaller, begunRequest) = EnsureBegun();
        var result = reader.Complete();
        var submission = new OndeImportSubmission(
            this.GetPrimaryKey(),
            begunRequest,
            result.Errors.Select(e => new RosterImportError(e.Line, e.Column, e.Code, e.Message)).ToList(),
            result.Pupils.Select(ImportedPupil.From).ToList(),
            result.DataLineCount,
            result.IgnoredDuplicateCount,
            result.ContentHash,
            result.Encoding == OndeFileEncoding.Utf8 ? "UTF-8" : "Windows-1252");
        DeactivateOnIdle();
        logger.LogInformation(
            "Import {ImportId}: {Bytes} bytes, {Lines} lines, {Errors} errors",
            this.GetPrimaryKey(), received, result.DataLineCount, result.Errors.Count);
        return await School(begunRequest.Uai).SubmitImport(begunCaller, submission);
    }

    public Task Abandon()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private ISchoolRosterWriterGrain School(string uai) => grains.GetGrain<ISchoolRosterWriterGrain>(Uai.GrainKey(uai));

    private (Caller Caller, OndeImportRequest Request) EnsureBegun() =>
        caller is not null && request is not null ? (caller, request) : throw RosterErrors.ImportNotStarted();

    private static OndeImportRequest Check(OndeImportRequest request)
    {
        var uai = Uai.Require(request.Uai);
        var fileName = (request.FileName ?? string.Empty).Trim();
        if (fileName.Length == 0)
        {
            throw RosterErrors.FileNameRequired();
        }

        if (fileName.Length > RosterErrors.MaxFileNameLength)
        {
            throw RosterErrors.FileNameTooLong();
        }

        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey.Trim();
        if (key?.Length > RosterErrors.MaxIdempotencyKeyLength)
        {
            throw RosterErrors.IdempotencyKeyTooLong();
        }

        return new OndeImportRequest(uai, fileName, request.DryRun, key);
    }
}
