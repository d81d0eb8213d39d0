using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Interfaces.SchoolDirectory;

/// <summary>Reads the school directory table; stateless, so every silo answers locally.</summary>
public interface ISchoolDirectoryGrain : IGrainWithIntegerKey
{
    Task<SchoolProfile> GetSchool(Caller caller, string uai);

    Task<SchoolPage> ListSchools(Caller caller, int pageSize, string? afterUai);
}
