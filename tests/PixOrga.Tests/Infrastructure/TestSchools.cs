using System.Text;
using Google.Protobuf;
using PixOrga.Contracts.V1;

namespace PixOrga.Tests.Infrastructure;

/// <summary>Puts schools in the directory the way operations do: through SchoolsService.ImportDirectory.</summary>
public static class TestSchools
{
    private const string Header =
        "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Code_postal;Nom_commune;Mail;Etat\n";

    /// <summary>Imports one open école; returns its mailbox (empty when <paramref name="withEmail"/> is false).</summary>
    public static async Task<string> ImportAsync(
        PixOrgaApp app, string uai, string name = "École élémentaire Jules Ferry", bool withEmail = true, bool archived = false)
    {
        var email = withEmail ? $"ce.{uai.ToLowerInvariant()}@ac-test.fr" : string.Empty;
        var row = $"{uai};{name};Ecole;Public;1 rue de l'École;75011;Paris;{email};{(archived ? "FERME" : "OUVERT")}\n";
        var client = new SchoolsService.SchoolsServiceClient(app.Channel);
        using var call = client.ImportDirectory(await app.OperatorAsync());
        await call.RequestStream.WriteAsync(new ImportDirectoryRequest { Chunk = ByteString.CopyFrom(Encoding.UTF8.GetBytes(Header + row)) });
        await call.RequestStream.CompleteAsync();
        var result = await call;
        Assert.Empty(result.Errors);
        return email;
    }
}
