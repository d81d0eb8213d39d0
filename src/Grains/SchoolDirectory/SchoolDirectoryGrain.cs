using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.SchoolDirectory;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.SchoolDirectory;

[StatelessWorker]
public sealed class SchoolDirectoryGrain(SchoolDirectoryRepository repository) : Grain, ISchoolDirectoryGrain
{
    public async Task<SchoolProfile> GetSchool(Caller caller, string uai)
    {
        RequireOperator(caller);
        return await repository.FindAsync(Uai.Require(uai)) ?? throw Uai.Unknown();
    }

    public async Task<SchoolPage> ListSchools(Caller caller, int pageSize, string? afterUai)
    {
        RequireOperator(caller);
        var schools = await repository.ListAsync(pageSize + 1, afterUai);
        var hasMore = schools.Count > pageSize;
        var page = hasMore ? schools[..pageSize] : schools;
        return new SchoolPage(page, hasMore ? page[^1].Uai : null);
    }

    private static void RequireOperator(Caller caller) => caller.RequireScope(Scopes.SchoolsAdmin);
}
