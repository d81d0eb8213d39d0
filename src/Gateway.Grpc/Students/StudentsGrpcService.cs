using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Gateway.Grpc.Paging;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Gateway.Grpc.Students;

public sealed class StudentsGrpcService(IGrainFactory grains) : StudentsService.StudentsServiceBase
{
    // One school rarely has more: a stream usually holds one message.
    private const int RosterBatchSize = 1000;

    /// <summary>
    /// Forwards each chunk to a fresh import grain as it arrives and never holds the file: what
    /// stays in memory here is one message.
    /// </summary>
    public override async Task<ImportOndeResponse> ImportOnde(
        IAsyncStreamReader<ImportOndeRequest> requestStream, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        if (!await requestStream.MoveNext(context.CancellationToken)
            || requestStream.Current.ContentCase != ImportOndeRequest.ContentOneofCase.Metadata)
        {
            throw RosterErrors.MetadataRequired();
        }

        var metadata = requestStream.Current.Metadata;
        var import = grains.GetGrain<IOndeImportGrain>(Guid.NewGuid());
        await import.Begin(caller, new OndeImportRequest(metadata.Uai, metadata.FileName, metadata.DryRun, metadata.IdempotencyKey));
        try
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                var message = requestStream.Current;
                if (message.ContentCase == ImportOndeRequest.ContentOneofCase.Metadata)
                {
                    await import.Abandon();
                    throw RosterErrors.MetadataRepeated();
                }

                if (!message.Chunk.IsEmpty)
                {
                    await import.Feed(message.Chunk.ToByteArray());
                }
            }
        }
        catch (Exception exception) when (exception is not DomainException)
        {
            // The client went away: the grain would otherwise keep what it read until it is
            // collected. (A grain that refuses a chunk lets go by itself.)
            await import.Abandon();
            throw;
        }

        return new ImportOndeResponse { Import = StudentMapping.ToProto(await import.Complete()) };
    }

    public override async Task<GetLastImportResponse> GetLastImport(GetLastImportRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var last = await School(request.Uai).GetLastImport(caller);
        return new GetLastImportResponse { Import = last is null ? null : StudentMapping.ToProto(last) };
    }

    public override async Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var pageSize = PageRequest.Size(request.PageSize, defaultSize: 20, maxSize: 100);
        var page = await School(request.Uai).ListImports(caller, pageSize, PageToken.Decode(request.PageToken));
        var response = new ListImportsResponse { NextPageToken = PageToken.Encode(page.NextAfter) };
        response.Imports.Add(page.Imports.Select(StudentMapping.ToProto));
        return response;
    }

    public override async Task<ConfirmImportResponse> ConfirmImport(ConfirmImportRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var import = await School(request.Uai).ConfirmImport(caller, ImportId(request.ImportId));
        return new ConfirmImportResponse { Import = StudentMapping.ToProto(import) };
    }

    public override async Task<CancelImportResponse> CancelImport(CancelImportRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var import = await School(request.Uai).CancelImport(caller, ImportId(request.ImportId));
        return new CancelImportResponse { Import = StudentMapping.ToProto(import) };
    }

    public override async Task<ListStudentsResponse> ListStudents(ListStudentsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var query = new StudentQuery(
            request.ClassLabel,
            StudentMapping.ToDomain(request.Level),
            request.Search,
            request.IncludeInactive,
            PageRequest.Size(request.PageSize, defaultSize: 50, maxSize: 500),
            PageToken.Decode(request.PageToken));
        var page = await School(request.Uai).ListStudents(caller, query);
        var response = new ListStudentsResponse { NextPageToken = PageToken.Encode(page.NextAfter) };
        response.Students.Add(page.Students.Select(StudentMapping.ToProto));
        return response;
    }

    public override async Task<ListClassesResponse> ListClasses(ListClassesRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var classes = await School(request.Uai).ListClasses(caller);
        var response = new ListClassesResponse();
        response.Classes.Add(classes.Select(StudentMapping.ToProto));
        return response;
    }

    public override async Task StreamRoster(
        StreamRosterRequest request, IServerStreamWriter<StreamRosterResponse> responseStream, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var lookup = grains.GetGrain<IRosterLookupGrain>(0);
        string? after = null;
        while (true)
        {
            var batch = await lookup.ListActiveStudents(caller, request.Uai, after, RosterBatchSize);
            if (batch.Count > 0)
            {
                var message = new StreamRosterResponse();
                message.Students.Add(batch.Select(StudentMapping.ToProto));
                await responseStream.WriteAsync(message, context.CancellationToken);
            }

            if (batch.Count < RosterBatchSize)
            {
                return;
            }

            after = batch[^1].Ine;
        }
    }

    public override async Task<FindStudentsByIneResponse> FindStudentsByIne(FindStudentsByIneRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var students = await grains.GetGrain<IRosterLookupGrain>(0).FindStudentsByIne(caller, request.Ines.ToList());
        var response = new FindStudentsByIneResponse();
        response.Students.Add(students.Select(StudentMapping.ToProto));
        return response;
    }

    private ISchoolRosterGrain School(string uai) => grains.GetGrain<ISchoolRosterGrain>(Uai.GrainKey(Uai.Require(uai)));

    private static Guid ImportId(string id) => Guid.TryParse(id, out var importId) ? importId : throw RosterErrors.ImportIdInvalid();
}
