using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Roster;

/// <summary>
/// The import side of the school grain, called by import grains only. It lives in this assembly,
/// which the gateway does not reference, so no client can hand a school a pupil list that did not
/// come out of the ONDE reader.
/// </summary>
public interface ISchoolRosterWriterGrain : IGrainWithStringKey
{
    /// <summary>The school exists and the caller is one of its ADMINs.</summary>
    Task AuthorizeImport(Caller caller);

    /// <summary>Records a file with errors, or previews, holds or applies a valid one.</summary>
    Task<Interfaces.Roster.RosterImport> SubmitImport(Caller caller, OndeImportSubmission submission);
}
