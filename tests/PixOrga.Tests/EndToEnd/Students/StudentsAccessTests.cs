using Google.Protobuf;
using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;
using static PixOrga.Tests.Unit.Roster.OndeFile;
using Uai = PixOrga.Grains.Interfaces.Schools.Uai;

namespace PixOrga.Tests.EndToEnd.Students;

[Collection(EndToEndCollection.Name)]
public sealed class StudentsAccessTests(PixOrgaApp app)
{
    private const string NotAdmin = "Seul un administrateur de l’espace Pix Orga de cette école peut effectuer cette action.";
    private const string NotMember = "Vous n’êtes pas membre de l’espace Pix Orga de cette école.";

    private readonly StudentsClient students = new(app);

    private static byte[] File(params string[] rows) => StudentsClient.Utf8(Lines([Header, .. rows]));

    [Fact]
    public async Task Member_ReadsTheRosterButCannotImportOrDecide()
    {
        var schoolAdmin = await SchoolAdmins.CreateAsync(app);
        var uai = schoolAdmin.Uai;
        var admin = schoolAdmin.Headers;
        var member = (await TeamMembers.InviteAndJoinAsync(app, schoolAdmin)).Headers;
        await students.UploadAsync(admin, uai, File(Row(lastName: "Martin", ine: "MEM001"), Row(lastName: "Petit", ine: "MEM002", level: "CM2", classLabel: "CM2 B")));

        var list = await students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai }, member);
        var classes = await students.Rpc.ListClassesAsync(new ListClassesRequest { Uai = uai }, member);
        var last = await students.Rpc.GetLastImportAsync(new GetLastImportRequest { Uai = uai }, member);

        Assert.Equal(["Martin", "Petit"], list.Students.Select(s => s.LastName));
        Assert.Equal(("MEM001", StudentLevel.Cm1, "CM1 A", "2014-05-06"), (list.Students[0].Ine, list.Students[0].Level, list.Students[0].ClassLabel, list.Students[0].BirthDate));
        Assert.Equal(["CM1 A", "CM2 B"], classes.Classes.Select(c => c.Label));
        Assert.Equal([StudentLevel.Cm2], classes.Classes[1].Levels);
        Assert.Equal(ImportStatus.Imported, last.Import.Status);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => students.UploadAsync(member, uai, File(Row())), reason: "NOT_AN_ADMIN", message: NotAdmin);
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            () => students.Rpc.ConfirmImportAsync(new ConfirmImportRequest { Uai = uai, ImportId = last.Import.Id }, member),
            reason: "NOT_AN_ADMIN");
        Assert.Equal(["IMPORTED"], await students.HistoryStatusesAsync(uai));
    }

    [Fact]
    public async Task AdminOfAnotherSchool_DeniedEverything()
    {
        var (uai, _, adminToken) = await SchoolAdmins.CreateAsync(app);
        var (_, _, otherToken) = await SchoolAdmins.CreateAsync(app);
        await students.UploadAsync(PixOrgaApp.Bearer(adminToken), uai, File(Row(ine: "OTH001")));
        var other = PixOrgaApp.Bearer(otherToken);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => students.UploadAsync(other, uai, File(Row(ine: "OTH002"))), reason: "NOT_A_MEMBER", message: NotMember);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai }, other), reason: "NOT_A_MEMBER");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => students.Rpc.ListClassesAsync(new ListClassesRequest { Uai = uai }, other), reason: "NOT_A_MEMBER");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => students.Rpc.GetLastImportAsync(new GetLastImportRequest { Uai = uai }, other), reason: "NOT_A_MEMBER");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => students.Rpc.ListImportsAsync(new ListImportsRequest { Uai = uai }, other), reason: "NOT_A_MEMBER");
        Assert.Equal(["OTH001"], (await students.RowsAsync(uai)).Keys);
    }

    [Fact]
    public async Task ImportOnde_ServiceTokenOrAnonymous_Refused()
    {
        var (uai, _, _) = await SchoolAdmins.CreateAsync(app);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await students.UploadAsync(await app.OperatorAsync(), uai, File(Row())), reason: "FORBIDDEN");
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => students.UploadAsync(new Metadata(), uai, File(Row())), reason: "UNAUTHENTICATED");
    }

    [Fact]
    public async Task ImportOnde_BadRequests_InvalidArgumentOrNotFound()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => SendAsync(admin, new ImportOndeRequest { Chunk = ByteString.CopyFromUtf8(Header) }), reason: "IMPORT_METADATA_REQUIRED");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => SendAsync(admin), reason: "IMPORT_METADATA_REQUIRED");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => SendAsync(admin, Metadata(uai), Metadata(uai)), reason: "IMPORT_METADATA_REPEATED");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => students.UploadAsync(admin, uai, File(), fileName: " "), reason: "FILE_NAME_REQUIRED", message: "Le nom du fichier est obligatoire.");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => students.UploadAsync(admin, "", File()), reason: "UAI_REQUIRED");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => students.UploadAsync(admin, TestData.NewUai(), File()), reason: "SCHOOL_NOT_FOUND", message: Uai.UnknownMessage);
        Assert.Empty(await students.HistoryStatusesAsync(uai));
    }

    [Fact]
    public async Task ImportOnde_OverTwentyMegabytes_PayloadTooLargeAndNothingStored()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var megabyte = new byte[1024 * 1024];
        Array.Fill(megabyte, (byte)'x');

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => students.UploadAsync(PixOrgaApp.Bearer(token), uai, [.. Enumerable.Repeat(megabyte, 20).SelectMany(b => b), (byte)'x'], chunkSizes: Enumerable.Repeat(megabyte.Length, 21)),
            reason: "PAYLOAD_TOO_LARGE",
            message: "La taille du fichier doit être inférieure à 20Mo.");
        Assert.Empty(await students.HistoryStatusesAsync(uai));
    }

    [Fact]
    public async Task ImportOnde_ExactlyTwentyMegabytes_Accepted()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var header = StudentsClient.Utf8(Header + "\n");
        var padding = new byte[(20 * 1024 * 1024) - header.Length];
        Array.Fill(padding, (byte)'\n');

        var import = await students.UploadAsync(PixOrgaApp.Bearer(token), uai, [.. header, .. padding], chunkSizes: Enumerable.Repeat(1024 * 1024, 21));

        Assert.Equal(ImportStatus.Unchanged, import.Status);
    }

    private async Task SendAsync(Metadata headers, params ImportOndeRequest[] messages)
    {
        using var call = students.Rpc.ImportOnde(headers);
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message);
        }

        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    private static ImportOndeRequest Metadata(string uai) => new() { Metadata = new ImportOndeMetadata { Uai = uai, FileName = "onde.csv" } };
}
