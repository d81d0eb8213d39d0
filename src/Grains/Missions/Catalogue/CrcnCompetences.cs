namespace PixOrga.Grains.Missions.Catalogue;

/// <summary>
/// The sixteen competences of the CRCN (Cadre de référence des compétences numériques) with their
/// official titles: the catalogue must name a competence exactly as teachers find it in the
/// framework, so a typo in a code or a title stops the start instead of reaching schools.
/// </summary>
public static class CrcnCompetences
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1.1"] = "Mener une recherche et une veille d'information",
        ["1.2"] = "Gérer des données",
        ["1.3"] = "Traiter des données",
        ["2.1"] = "Interagir",
        ["2.2"] = "Partager et publier",
        ["2.3"] = "Collaborer",
        ["2.4"] = "S'insérer dans le monde numérique",
        ["3.1"] = "Développer des documents textuels",
        ["3.2"] = "Développer des documents multimédia",
        ["3.3"] = "Adapter les documents à leur finalité",
        ["3.4"] = "Programmer",
        ["4.1"] = "Sécuriser l'environnement numérique",
        ["4.2"] = "Protéger les données personnelles et la vie privée",
        ["4.3"] = "Protéger la santé, le bien-être et l'environnement",
        ["5.1"] = "Résoudre des problèmes techniques",
        ["5.2"] = "Construire un environnement numérique",
    };
}
