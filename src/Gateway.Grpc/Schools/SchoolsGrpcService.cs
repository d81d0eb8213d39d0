using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Gateway.Grpc.Paging;
using PixOrga.Grains.Interfaces.SchoolDirectory;

namespace PixOrga.Gateway.Grpc.Schools;

public sealed class SchoolsGrpcService(IGrainFactory grains) : SchoolsService.SchoolsServiceBase
{
    public override async Task<ImportDirectoryResponse> ImportDirectory(
        IAsyncStreamReader<ImportDirectoryRequest> requestStream, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var import = grains.GetGrain<IDirectoryImportGrain>(Guid.NewGuid());
        await import.Begin(caller);
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (!message.Chunk.IsEmpty)
            {
                await import.Feed(message.Chunk.ToByteArray());
            }
        }

        return SchoolMapping.ToResponse(await import.Complete());
    }

    public override async Task<GetSchoolResponse> GetSchool(GetSchoolRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var school = await grains.GetGrain<ISchoolDirectoryGrain>(0).GetSchool(caller, request.Uai);
        return new GetSchoolResponse { School = SchoolMapping.ToProto(school) };
    }

    public override async Task<ListSchoolsResponse> ListSchools(ListSchoolsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var pageSize = PageRequest.Size(request.PageSize, defaultSize: 50, maxSize: 500);
        var after = PageToken.Decode(request.PageToken);
        var page = await grains.GetGrain<ISchoolDirectoryGrain>(0).ListSchools(caller, pageSize, after);
        var response = new ListSchoolsResponse { NextPageToken = PageToken.Encode(page.NextAfterUai) };
        response.Schools.Add(page.Schools.Select(SchoolMapping.ToProto));
        return response;
    }
}
