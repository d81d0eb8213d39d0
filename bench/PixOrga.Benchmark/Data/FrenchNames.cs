namespace PixOrga.Benchmark.Data;

/// <summary>
/// Names as they appear in ONDE exports: accents, apostrophes, hyphens, the œ ligature. Every one
/// is representable in Windows-1252, since a share of the files is written in it.
/// </summary>
internal static class FrenchNames
{
    public static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martínez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Léger", "Hubert", "Carré", "Bénard", "D'Almeida", "N'Diaye",
        "Le Goff", "Le Gall", "De La Fontaine", "Saint-Martin", "Cœurdevey", "Hervé", "Prévost", "Pelletier", "Lévêque", "Besançon",
        "Ménard", "Évrard", "Œillet", "Gaëtan", "Maréchal", "Ferrandière", "Bouvier-Lagrange", "Ben Saïd", "Nguyen", "Traoré",
    ];

    public static readonly string[] FirstNames =
    [
        "Léa", "Emma", "Chloé", "Inès", "Jade", "Louise", "Zoé", "Léna", "Manon", "Camille",
        "Maëlys", "Éloïse", "Anaïs", "Océane", "Hélène", "Noémie", "Clémence", "Agathe", "Rose", "Alice",
        "Lucas", "Hugo", "Louis", "Gabriel", "Raphaël", "Arthur", "Jules", "Adam", "Léo", "Nathan",
        "Théo", "Noé", "Timothée", "Clément", "Maël", "Aurélien", "Jérôme", "Benoît", "Loïc", "Joël",
        "Jean-Baptiste", "Marie-Anne", "Anne-Sophie", "Pierre-Louis", "Zoë", "Chloë", "Gaëlle", "Ilyès", "Yanis", "Aïcha",
        "Mathéo", "Évan", "Célia", "Cécile", "Amélie", "Margaux", "Léonie", "Héloïse", "Ambre", "Sacha",
    ];

    public static readonly string[] Teachers =
    [
        "Mme Lefèvre", "M. Rousseau", "Mme Bénard", "M. Gérard", "Mme Hélary", "M. Prévost", "Mme Noël",
        "M. Léger", "Mme Ménard", "M. Évrard", "Mme Dupont", "M. Martin", "Mme Guérin", "M. Clément",
    ];

    public static readonly string[] Cities =
    [
        "Paris", "Lyon", "Marseille", "Besançon", "Orléans", "Évreux", "Nîmes", "Périgueux", "Saint-Étienne", "Angoulême",
        "Clermont-Ferrand", "Aix-en-Provence", "Béziers", "Fougères", "Montélimar", "Sète", "Épinal", "Forbach", "Pontoise", "Châteauroux",
    ];

    public static readonly string[] SchoolNames =
    [
        "École élémentaire Jules Ferry", "École primaire Jean Jaurès", "École Marie Curie", "École élémentaire Victor Hugo",
        "École primaire Louis Pasteur", "École Jacques Prévert", "École élémentaire Jean de La Fontaine", "École primaire publique",
        "École élémentaire Condorcet", "École Saint-Exupéry", "École primaire Paul Éluard", "École élémentaire des Érables",
    ];
}
