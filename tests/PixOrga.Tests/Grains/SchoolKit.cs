using MimeKit;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Tests.Database;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.Grains;

/// <summary>Schools with an administrator on the grain test cluster, made the way a head teacher does it.</summary>
internal static class SchoolKit
{
    public static async Task<(string Uai, Caller Admin)> NewSchoolWithAdminAsync(GrainClusterFixture cluster)
    {
        var uai = TestData.NewUai();
        var email = TestData.NewEmail("ecole");
        await SqlHelper.ExecuteAsync(
            cluster.ConnectionString, "INSERT INTO schools (uai, name, email) VALUES (@u, 'École des Tilleuls', @e)", ("u", uai), ("e", email));
        var school = cluster.Grains.GetGrain<ISchoolGrain>(Uai.GrainKey(uai));
        await school.RequestAdministration("Anne", "Martin");
        var mail = InvitationMail.From(LatestMailTo(cluster, email));
        var admin = Caller.User(Guid.NewGuid());
        await school.AcceptInvitation(admin, mail.InvitationId, mail.Code);
        return (uai, admin);
    }

    public static async Task<RosterImport> UploadAsync(
        GrainClusterFixture cluster, string uai, Caller admin, string file, string? idempotencyKey = null)
    {
        var import = cluster.Grains.GetGrain<IOndeImportGrain>(Guid.NewGuid());
        await import.Begin(admin, new OndeImportRequest(uai, "onde.csv", false, idempotencyKey));
        await import.Feed(System.Text.Encoding.UTF8.GetBytes(file));
        return await import.Complete();
    }

    public static ISchoolRosterGrain Roster(GrainClusterFixture cluster, string uai) =>
        cluster.Grains.GetGrain<ISchoolRosterGrain>(Uai.GrainKey(uai));

    /// <summary>An ONDE file of the given pupils (INE → last name), all in one class.</summary>
    public static string Onde(params (string Ine, string LastName)[] pupils) =>
        Unit.Roster.OndeFile.Lines([Unit.Roster.OndeFile.Header, .. pupils.Select(p => Unit.Roster.OndeFile.Row(lastName: p.LastName, ine: p.Ine))]);

    /// <summary>Ten pupils, INE 1234567890A … 1234567899A.</summary>
    public static (string Ine, string LastName)[] Class(int count = 10, string suffix = "") =>
        [.. Enumerable.Range(0, count).Select(i => ($"123456789{i}A", $"Eleve{i}{suffix}"))];

    private static MimeMessage LatestMailTo(GrainClusterFixture cluster, string email) =>
        Directory.GetFiles(cluster.OutboxDirectory, "*.eml")
            .Select(path => (Path: path, Message: MimeMessage.Load(path)))
            .Where(m => m.Message.To.Mailboxes.Any(box => string.Equals(box.Address, email, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(m => File.GetLastWriteTimeUtc(m.Path))
            .Select(m => m.Message)
            .First();
}
