using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.SchoolDirectory;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Gateway.Grpc.Schools;

internal static class SchoolMapping
{
    public static School ToProto(SchoolProfile profile) => new()
    {
        Uai = profile.Uai,
        Name = profile.Name,
        Email = profile.Email ?? string.Empty,
        PostalCode = profile.PostalCode ?? string.Empty,
        City = profile.City ?? string.Empty,
        PublicPrivate = profile.PublicPrivate ?? string.Empty,
        Archived = profile.Archived,
    };

    public static ImportDirectoryResponse ToResponse(DirectoryImportResult result)
    {
        var response = new ImportDirectoryResponse
        {
            Created = result.Created,
            Updated = result.Updated,
            Unchanged = result.Unchanged,
            Skipped = result.Skipped,
        };
        response.Errors.Add(result.Errors.Select(e => new LineError
        {
            Line = e.Line ?? 0,
            Reason = e.Code,
            Message = e.Message,
        }));
        return response;
    }
}
