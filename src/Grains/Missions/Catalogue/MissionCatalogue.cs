using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PixOrga.Grains.Interfaces.Missions;

namespace PixOrga.Grains.Missions.Catalogue;

/// <summary>
/// The Pix Junior missions, shipped as data (<c>missions.json</c>, an embedded resource) and
/// validated as a whole when the process starts: a bad catalogue stops the start with every
/// problem listed, rather than showing schools a broken mission.
/// </summary>
public sealed partial class MissionCatalogue
{
    public const string ResourceName = "missions.json";
    public const int MaxIdLength = 64;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // A misspelt property (documentationURL) would otherwise be ignored and read as missing.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Dictionary<string, Mission> byId;

    private MissionCatalogue(IReadOnlyList<Mission> missions)
    {
        Missions = missions;
        byId = missions.ToDictionary(mission => mission.Id, StringComparer.Ordinal);
    }

    /// <summary>Every mission, in the catalogue's order (the order teachers see).</summary>
    public IReadOnlyList<Mission> Missions { get; }

    public Mission? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The catalogue shipped with the application.</summary>
    public static MissionCatalogue LoadEmbedded()
    {
        var assembly = typeof(MissionCatalogue).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .SingleOrDefault(name => name.EndsWith(".Missions.Catalogue." + ResourceName, StringComparison.Ordinal))
            ?? throw new MissionCatalogueException([$"the resource {ResourceName} is missing from {assembly.GetName().Name}"]);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads and validates a catalogue; throws <see cref="MissionCatalogueException"/> listing every problem.</summary>
    public static MissionCatalogue Parse(string json)
    {
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new MissionCatalogueException([$"not valid JSON: {exception.Message}"]);
        }

        var problems = new List<string>();
        var missions = new List<Mission>();
        if (file?.Missions is not { Count: > 0 } entries)
        {
            throw new MissionCatalogueException(["it holds no mission"]);
        }

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            var mission = Validate(entries[index], $"mission #{index + 1}", seenIds, problems);
            if (mission is not null)
            {
                missions.Add(mission);
            }
        }

        return problems.Count > 0 ? throw new MissionCatalogueException(problems) : new MissionCatalogue(missions);
    }

    private static Mission? Validate(MissionEntry? entry, string where, HashSet<string> seenIds, List<string> problems)
    {
        if (entry is null)
        {
            problems.Add($"{where} is null");
            return null;
        }

        var before = problems.Count;
        var id = entry.Id?.Trim() ?? string.Empty;
        if (id.Length == 0)
        {
            problems.Add($"{where}: id is required");
        }
        else
        {
            where = $"{where} ({id})";
            if (id.Length > MaxIdLength || !IdPattern().IsMatch(id))
            {
                problems.Add($"{where}: id must be lower-case letters, digits and dashes, at most {MaxIdLength} characters");
            }

            if (!seenIds.Add(id))
            {
                problems.Add($"{where}: id is used by another mission");
            }
        }

        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            problems.Add($"{where}: name is required");
        }

        var code = entry.Competence?.Code?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            problems.Add($"{where}: competence.code is required");
        }
        else if (!CrcnCompetences.Titles.TryGetValue(code, out var officialTitle))
        {
            problems.Add($"{where}: competence.code {code} is not a CRCN competence");
        }
        else if (!string.Equals(entry.Competence!.Title?.Trim(), officialTitle, StringComparison.Ordinal))
        {
            problems.Add($"{where}: competence.title of {code} must be the official title «{officialTitle}»");
        }

        var objectives = entry.LearningObjectives ?? [];
        if (objectives.Count == 0)
        {
            problems.Add($"{where}: learningObjectives needs at least one objective");
        }
        else if (objectives.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{where}: learningObjectives holds an empty objective");
        }

        if (!Uri.TryCreate(entry.DocumentationUrl?.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{where}: documentationUrl must be an absolute https URL");
        }

        return problems.Count > before
            ? null
            : new Mission(
                id,
                entry.Name!.Trim(),
                code,
                entry.Competence!.Title!.Trim(),
                objectives.Select(objective => objective!.Trim()).ToList(),
                entry.DocumentationUrl!.Trim());
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private sealed class CatalogueFile
    {
        public List<MissionEntry?>? Missions { get; set; }
    }

    private sealed class MissionEntry
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public CompetenceEntry? Competence { get; set; }

        public List<string?>? LearningObjectives { get; set; }

        public string? DocumentationUrl { get; set; }
    }

    private sealed class CompetenceEntry
    {
        public string? Code { get; set; }

        public string? Title { get; set; }
    }
}
