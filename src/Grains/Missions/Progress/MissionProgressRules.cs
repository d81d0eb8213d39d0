using PixOrga.Grains.Interfaces.Missions;
using PixOrga.Grains.Missions.Catalogue;

namespace PixOrga.Grains.Missions.Progress;

/// <summary>What makes a progress event acceptable, before anything is written.</summary>
public static class MissionProgressRules
{
    public static MissionProgressEvent Validate(MissionProgressEvent progressEvent, MissionCatalogue catalogue)
    {
        var eventId = progressEvent.EventId?.Trim() ?? string.Empty;
        if (eventId.Length == 0)
        {
            throw MissionErrors.FieldRequired("event_id", "identifiant d’événement");
        }

        if (eventId.Length > MissionErrors.MaxEventIdLength)
        {
            throw MissionErrors.EventIdTooLong();
        }

        if (string.IsNullOrWhiteSpace(progressEvent.MissionId))
        {
            throw MissionErrors.FieldRequired("mission_id", "mission");
        }

        if (catalogue.Find(progressEvent.MissionId.Trim()) is null)
        {
            throw MissionErrors.MissionUnknown();
        }

        if (!Enum.IsDefined(progressEvent.State))
        {
            throw MissionErrors.FieldRequired("state", "état");
        }

        if (progressEvent.ReachedStep < 0)
        {
            throw MissionErrors.ReachedStepNegative();
        }

        // A completed mission is graded: the teacher's page shows that grade.
        if (progressEvent.State == MissionState.Completed && progressEvent.SuccessLevel is null)
        {
            throw MissionErrors.FieldRequired("result.success_level", "niveau de réussite");
        }

        return progressEvent with { EventId = eventId, MissionId = progressEvent.MissionId.Trim() };
    }
}
