using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Missions;
using PixOrga.Grains.Missions.Catalogue;
using PixOrga.Grains.Missions.Progress;

namespace PixOrga.Tests.Unit.Missions;

public sealed class MissionProgressRulesTests
{
    private static readonly MissionCatalogue Catalogue = MissionCatalogue.LoadEmbedded();
    private static readonly string MissionId = Catalogue.Missions[0].Id;

    [Fact]
    public void Validate_CompletedWithLevel_AcceptedTrimmed()
    {
        var valid = MissionProgressRules.Validate(Event(eventId: " e-1 ", state: MissionState.Completed, level: MissionSuccessLevel.Reached), Catalogue);

        Assert.Equal("e-1", valid.EventId);
    }

    [Fact]
    public void Validate_CompletedWithoutLevel_Refused()
    {
        var error = Refused(Event(state: MissionState.Completed, level: null));

        Assert.Equal(("FIELD_REQUIRED", "result.success_level"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("", "FIELD_REQUIRED")]
    [InlineData("   ", "FIELD_REQUIRED")]
    public void Validate_NoEventId_Refused(string eventId, string code)
    {
        Assert.Equal(code, Refused(Event(eventId: eventId)).Code);
    }

    [Fact]
    public void Validate_EventIdOver100Characters_Refused()
    {
        Assert.Equal("FIELD_STRING_MAX", Refused(Event(eventId: new string('e', 101))).Code);
    }

    [Fact]
    public void Validate_UnknownMission_NotFound()
    {
        var exception = Assert.Throws<DomainException>(() => MissionProgressRules.Validate(Event(missionId: "no-such-mission"), Catalogue));

        Assert.Equal((ErrorKind.NotFound, "MISSION_NOT_FOUND"), (exception.Kind, exception.Errors[0].Code));
    }

    [Fact]
    public void Validate_NegativeStep_Refused()
    {
        Assert.Equal("FIELD_BAD_VALUE", Refused(Event(step: -1)).Code);
    }

    private static DomainError Refused(MissionProgressEvent progressEvent)
    {
        var exception = Assert.Throws<DomainException>(() => MissionProgressRules.Validate(progressEvent, Catalogue));
        Assert.Equal(ErrorKind.InvalidArgument, exception.Kind);
        return exception.Errors[0];
    }

    private static MissionProgressEvent Event(
        string eventId = "e-1",
        string? missionId = null,
        MissionState state = MissionState.Started,
        int step = 0,
        MissionSuccessLevel? level = null) =>
        new(eventId, Guid.NewGuid(), missionId ?? MissionId, state, step, level);
}
