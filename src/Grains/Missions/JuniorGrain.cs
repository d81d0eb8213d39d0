using System.Globalization;
using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Missions;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Missions.Progress;
using PixOrga.Grains.Missions.SchoolCodes;
using PixOrga.Grains.Roster;
using PixOrga.Grains.SchoolDirectory;

namespace PixOrga.Grains.Missions;

/// <summary>
/// Pix Junior's reads straight from the tables' indexes on every silo; progress goes to the
/// missions grain of the pupil's school, the single writer of its progress.
/// </summary>
[StatelessWorker]
public sealed class JuniorGrain(
    SchoolCodeRepository codes,
    MissionProgressRepository progress,
    RosterRepository roster,
    SchoolDirectoryRepository directory) : Grain, IJuniorGrain
{
    public async Task<JuniorSchool> ResolveSchoolCode(Caller caller, string code)
    {
        RequireJuniorScope(caller);
        var uai = await FindSchoolAsync(code);
        var profile = await directory.FindAsync(uai);
        if (profile is null || profile.Archived)
        {
            // A school closed in the directory no longer takes pupils in.
            throw MissionErrors.SchoolCodeUnknown();
        }

        var classes = await roster.ListClassesAsync(uai);
        return new JuniorSchool(profile.Name, classes.Select(c => c.Label).ToList());
    }

    public async Task<JuniorPupilPage> ListClassPupils(Caller caller, string code, string classLabel, int pageSize, string? after)
    {
        RequireJuniorScope(caller);
        var uai = await FindSchoolAsync(code);
        var label = classLabel?.Trim() ?? string.Empty;
        if (label.Length == 0)
        {
            throw MissionErrors.FieldRequired("class_label", "classe");
        }

        var offset = OffsetPosition.Parse(after);
        var pupils = await progress.ListClassPupilsAsync(uai, label);
        if (pupils.Count == 0)
        {
            throw MissionErrors.ClassUnknown();
        }

        var end = Math.Min(pupils.Count, offset + pageSize);
        var page = pupils.Skip(offset).Take(pageSize)
            .Select(p => new JuniorPupil(p.Id, p.FirstName, Initial(p.LastName)))
            .ToList();
        return new JuniorPupilPage(page, OffsetPosition.Next(end, pupils.Count));
    }

    public async Task<RecordedProgress> RecordMissionProgress(Caller caller, MissionProgressEvent progressEvent)
    {
        RequireJuniorScope(caller);
        var uai = await progress.FindPupilSchoolAsync(progressEvent.PupilId) ?? throw MissionErrors.PupilUnknown();
        return await GrainFactory.GetGrain<ISchoolMissionsGrain>(Uai.GrainKey(uai)).RecordMissionProgress(caller, progressEvent);
    }

    /// <summary>Pupils are children: only Pix Junior's service token reads them here, never a user.</summary>
    internal static void RequireJuniorScope(Caller caller)
    {
        if (caller.IsUser)
        {
            throw CommonErrors.Forbidden();
        }

        caller.RequireScope(Scopes.Junior);
    }

    private async Task<string> FindSchoolAsync(string code)
    {
        var normalized = SchoolCodeFormat.Normalize(code);
        if (normalized.Length == 0)
        {
            throw MissionErrors.SchoolCodeRequired();
        }

        // A malformed code cannot exist: no need to ask the database.
        return SchoolCodeFormat.IsWellFormed(normalized)
            ? await codes.FindSchoolAsync(normalized) ?? throw MissionErrors.SchoolCodeUnknown()
            : throw MissionErrors.SchoolCodeUnknown();
    }

    // One text element, so a last name starting with a decomposed accent keeps it.
    private static string Initial(string lastName)
    {
        var trimmed = lastName.Trim();
        return trimmed.Length == 0
            ? string.Empty
            : StringInfo.GetNextTextElement(trimmed).ToUpper(CultureInfo.GetCultureInfo("fr-FR"));
    }
}
