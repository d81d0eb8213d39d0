using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Tests.Infrastructure;
using static PixOrga.Tests.Unit.Roster.OndeFile;
using IRosterLookupGrain = PixOrga.Grains.Interfaces.Roster.IRosterLookupGrain;

namespace PixOrga.Tests.EndToEnd.Students;

[Collection(EndToEndCollection.Name)]
public sealed class RosterReadTests(PixOrgaApp app)
{
    private readonly StudentsClient students = new(app);

    private static byte[] File(params string[] rows) => StudentsClient.Utf8(Lines([Header, .. rows]));

    [Fact]
    public async Task FindStudentsByIne_SameIneInTwoSchools_FindsBothWithTheirState()
    {
        var ine = "FIND" + Guid.NewGuid().ToString("N")[..8];
        var (first, _, firstToken) = await SchoolAdmins.CreateAsync(app);
        var (second, _, secondToken) = await SchoolAdmins.CreateAsync(app);
        await students.UploadAsync(PixOrgaApp.Bearer(firstToken), first, File(Row(ine: ine), Row(ine: ine + "B"), Row(ine: ine + "C")));
        await students.UploadAsync(PixOrgaApp.Bearer(firstToken), first, File(Row(ine: ine + "B"), Row(ine: ine + "C")));
        await students.UploadAsync(PixOrgaApp.Bearer(secondToken), second, File(Row(lastName: "Moved", ine: ine)));

        var found = await students.Rpc.FindStudentsByIneAsync(new FindStudentsByIneRequest { Ines = { ine, "UNKNOWN-INE" } }, await app.OperatorAsync());

        Assert.Equal(
            new[] { (first, false, "Martin"), (second, true, "Moved") }.OrderBy(s => s.Item1),
            found.Students.Select(s => (s.Uai, s.Active, s.LastName)).OrderBy(s => s.Uai));
    }

    [Fact]
    public async Task FindStudentsByIne_WithoutRosterScope_Refused()
    {
        var (_, _, token) = await SchoolAdmins.CreateAsync(app);
        var request = new FindStudentsByIneRequest { Ines = { "X" } };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => students.Rpc.FindStudentsByIneAsync(request, PixOrgaApp.Bearer(token)), reason: "FORBIDDEN");
        var lookup = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IRosterLookupGrain>(0);
        var denied = await Assert.ThrowsAsync<DomainException>(() => lookup.FindStudentsByIne(Caller.Service([Scopes.Junior]), ["X"]));
        Assert.Equal((ErrorKind.PermissionDenied, "MISSING_SCOPE"), (denied.Kind, denied.Errors[0].Code));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => students.Rpc.FindStudentsByIneAsync(request), reason: "UNAUTHENTICATED");
    }

    [Fact]
    public async Task FindStudentsByIne_TooManyInes_InvalidArgument()
    {
        var request = new FindStudentsByIneRequest();
        request.Ines.Add(Enumerable.Range(0, 1001).Select(i => $"I{i}"));

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            async () => await students.Rpc.FindStudentsByIneAsync(request, await app.OperatorAsync()),
            reason: "TOO_MANY_INES",
            message: "Au plus 1000 INE peuvent être recherchés à la fois.");
    }

    [Fact]
    public async Task StreamRoster_School_StreamsEveryActivePupilOnly()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        var rows = Enumerable.Range(1, 1500).Select(i => Row(ine: $"STR{i:0000}")).ToArray();
        await students.UploadAsync(admin, uai, File(rows));
        await students.UploadAsync(admin, uai, File(rows[..1200]));

        using var call = students.Rpc.StreamRoster(new StreamRosterRequest { Uai = uai }, await app.OperatorAsync());
        var streamed = new List<Student>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            streamed.AddRange(message.Students);
        }

        Assert.Equal(Enumerable.Range(1, 1200).Select(i => $"STR{i:0000}"), streamed.Select(s => s.Ine));
        Assert.All(streamed, s => Assert.True(s.Active));
    }

    [Fact]
    public async Task StreamRoster_UserOrUnknownSchool_Refused()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => DrainAsync(uai, PixOrgaApp.Bearer(token)), reason: "FORBIDDEN");
        await RpcAssert.FailsAsync(StatusCode.NotFound, async () => await DrainAsync(TestData.NewUai(), await app.OperatorAsync()), reason: "SCHOOL_NOT_FOUND");
    }

    [Fact]
    public async Task ListStudents_FiltersAndPages()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        await students.UploadAsync(admin, uai, File(
            Row(lastName: "Arnaud", ine: "LS1"), Row(lastName: "Bernard", ine: "LS2"), Row(lastName: "Colin", ine: "LS3", level: "CM2", classLabel: "CM2 B"),
            Row(lastName: "Durand", ine: "LS4"), Row(lastName: "Etienne", ine: "LS5")));
        await students.UploadAsync(admin, uai, File(
            Row(lastName: "Arnaud", ine: "LS1"), Row(lastName: "Bernard", ine: "LS2"), Row(lastName: "Colin", ine: "LS3", level: "CM2", classLabel: "CM2 B"),
            Row(lastName: "Durand", ine: "LS4")));

        var first = await students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai, PageSize = 2 }, admin);
        var second = await students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai, PageSize = 2, PageToken = first.NextPageToken }, admin);
        var all = await students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai, IncludeInactive = true }, admin);
        var cm2 = await students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai, Level = StudentLevel.Cm2 }, admin);
        var classA = await students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai, ClassLabel = "CM1 A" }, admin);
        var search = await students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai, Search = "AR" }, admin);

        Assert.Equal(["Arnaud", "Bernard"], first.Students.Select(s => s.LastName));
        Assert.Equal(["Colin", "Durand"], second.Students.Select(s => s.LastName));
        Assert.Equal(string.Empty, second.NextPageToken);
        Assert.Equal(5, all.Students.Count);
        Assert.False(all.Students.Single(s => s.Ine == "LS5").Active);
        Assert.Equal(["Colin"], cm2.Students.Select(s => s.LastName));
        Assert.Equal(["Arnaud", "Bernard", "Durand"], classA.Students.Select(s => s.LastName));
        Assert.Equal(["Arnaud", "Bernard"], search.Students.Select(s => s.LastName));
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => students.Rpc.ListStudentsAsync(new ListStudentsRequest { Uai = uai, PageToken = "bm90LWpzb24" }, admin),
            reason: "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task ListImports_History_NewestFirstInPages()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        var ids = new List<string>();
        foreach (var count in new[] { 1, 2, 3 })
        {
            ids.Add((await students.UploadAsync(admin, uai, File(Enumerable.Range(1, count).Select(i => Row(ine: $"HIS{i}")).ToArray()))).Id);
        }

        var first = await students.Rpc.ListImportsAsync(new ListImportsRequest { Uai = uai, PageSize = 2 }, admin);
        var second = await students.Rpc.ListImportsAsync(new ListImportsRequest { Uai = uai, PageSize = 2, PageToken = first.NextPageToken }, admin);

        Assert.Equal(ids.AsEnumerable().Reverse(), first.Imports.Concat(second.Imports).Select(i => i.Id));
        Assert.Equal(string.Empty, second.NextPageToken);
    }

    [Fact]
    public async Task GetLastImport_NeverImported_Unset()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);

        var last = await students.Rpc.GetLastImportAsync(new GetLastImportRequest { Uai = uai }, PixOrgaApp.Bearer(token));

        Assert.Null(last.Import);
    }

    private async Task DrainAsync(string uai, Metadata headers)
    {
        using var call = students.Rpc.StreamRoster(new StreamRosterRequest { Uai = uai }, headers);
        await foreach (var unused in call.ResponseStream.ReadAllAsync())
        {
            Assert.NotNull(unused);
        }
    }
}
