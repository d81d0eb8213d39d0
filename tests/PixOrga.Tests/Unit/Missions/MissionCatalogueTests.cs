using PixOrga.Grains.Missions.Catalogue;

namespace PixOrga.Tests.Unit.Missions;

public sealed class MissionCatalogueTests
{
    [Fact]
    public void LoadEmbedded_ShippedCatalogue_HoldsTheFourSeedMissionsWithTheirOfficialCompetences()
    {
        var catalogue = MissionCatalogue.LoadEmbedded();

        var missions = catalogue.Missions.ToDictionary(m => m.Name, m => (m.CompetenceCode, m.CompetenceTitle));
        Assert.Equal(("4.2", "Protéger les données personnelles et la vie privée"), missions["Protéger ses données personnelles"]);
        Assert.Equal(("1.1", "Mener une recherche et une veille d'information"), missions["Rechercher sur internet"]);
        Assert.Equal(("4.3", "Protéger la santé, le bien-être et l'environnement"), missions["Lutter contre le cyberharcèlement"]);
        Assert.Equal(("3.1", "Développer des documents textuels"), missions["Utiliser un traitement de texte"]);
        Assert.All(catalogue.Missions, mission =>
        {
            Assert.NotEmpty(mission.LearningObjectives);
            Assert.StartsWith("https://", mission.DocumentationUrl, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Parse_ValidCatalogue_KeepsOrderAndFindsById()
    {
        var catalogue = MissionCatalogue.Parse(Catalogue(Entry("b-mission"), Entry("a-mission")));

        Assert.Equal(["b-mission", "a-mission"], catalogue.Missions.Select(m => m.Id));
        Assert.Equal("a-mission", catalogue.Find("a-mission")?.Id);
        Assert.Null(catalogue.Find("unknown"));
    }

    [Fact]
    public void Parse_DuplicateIds_Refused()
    {
        var problems = Problems(Catalogue(Entry("same"), Entry("same")));

        Assert.Contains("mission #2 (same): id is used by another mission", problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper-Case")]
    [InlineData("with space")]
    [InlineData("trailing-")]
    public void Parse_BadId_Refused(string id)
    {
        var problems = Problems(Catalogue(Entry(id)));

        Assert.Contains(problems, p => p.Contains("id ", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingName_Refused()
    {
        var problems = Problems(Catalogue(Entry("m", name: " ")));

        Assert.Equal(["mission #1 (m): name is required"], problems);
    }

    [Fact]
    public void Parse_UnknownCompetenceCode_Refused()
    {
        var problems = Problems(Catalogue(Entry("m", code: "6.1")));

        Assert.Equal(["mission #1 (m): competence.code 6.1 is not a CRCN competence"], problems);
    }

    [Fact]
    public void Parse_CompetenceTitleNotOfficial_RefusedNamingTheOfficialTitle()
    {
        var problems = Problems(Catalogue(Entry("m", code: "4.2", title: "Protéger ses données")));

        Assert.Equal(["mission #1 (m): competence.title of 4.2 must be the official title «Protéger les données personnelles et la vie privée»"], problems);
    }

    [Fact]
    public void Parse_NoLearningObjective_Refused()
    {
        var problems = Problems(Catalogue(Entry("m", objectives: "[]")));

        Assert.Equal(["mission #1 (m): learningObjectives needs at least one objective"], problems);
    }

    [Fact]
    public void Parse_BlankLearningObjective_Refused()
    {
        var problems = Problems(Catalogue(Entry("m", objectives: """["Lire", " "]""")));

        Assert.Equal(["mission #1 (m): learningObjectives holds an empty objective"], problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("documentation/m")]
    [InlineData("http://pix.fr/m")]
    [InlineData("ftp://pix.fr/m")]
    public void Parse_DocumentationUrlNotAbsoluteHttps_Refused(string url)
    {
        var problems = Problems(Catalogue(Entry("m", url: url)));

        Assert.Equal(["mission #1 (m): documentationUrl must be an absolute https URL"], problems);
    }

    [Fact]
    public void Parse_SeveralProblems_ListsEveryOneInTheMessage()
    {
        var exception = Assert.Throws<MissionCatalogueException>(() =>
            MissionCatalogue.Parse(Catalogue(Entry("a", name: ""), Entry("b", code: "9.9"))));

        Assert.Equal(2, exception.Problems.Count);
        Assert.StartsWith("The mission catalogue (missions.json) is invalid: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("mission #1 (a): name is required", exception.Message, StringComparison.Ordinal);
        Assert.Contains("mission #2 (b): competence.code 9.9", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltProperty_Refused()
    {
        var json = Catalogue(Entry("m").Replace("documentationUrl", "documentationURI", StringComparison.Ordinal));

        var problems = Problems(json);

        Assert.Single(problems);
        Assert.StartsWith("not valid JSON", problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"missions": []}""")]
    public void Parse_NoMission_Refused(string json)
    {
        Assert.Equal(["it holds no mission"], Problems(json));
    }

    [Fact]
    public void Parse_NotJson_Refused()
    {
        var problems = Problems("missions:\n  - id: m");

        Assert.StartsWith("not valid JSON", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Problems(string json) =>
        Assert.Throws<MissionCatalogueException>(() => MissionCatalogue.Parse(json)).Problems;

    private static string Catalogue(params string[] entries) => $$"""{"missions": [{{string.Join(",", entries)}}]}""";

    private static string Entry(
        string id,
        string name = "Une mission",
        string code = "3.1",
        string title = "Développer des documents textuels",
        string objectives = """["Saisir un texte"]""",
        string url = "https://pix.fr/missions/m") =>
        $$"""
        {
          "id": "{{id}}",
          "name": "{{name}}",
          "competence": { "code": "{{code}}", "title": "{{title}}" },
          "learningObjectives": {{objectives}},
          "documentationUrl": "{{url}}"
        }
        """;
}
