using System.Text;
using Google.Protobuf;
using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Database;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Students;

/// <summary>Uploads ONDE files the way a front end does, and reads back what the database holds.</summary>
internal sealed class StudentsClient(PixOrgaApp app)
{
    public StudentsService.StudentsServiceClient Rpc { get; } = new(app.Channel);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Sends the metadata, then the file cut at the given sizes (the rest in one chunk).</summary>
    public async Task<RosterImport> UploadAsync(
        Metadata headers, string uai, byte[] file, IEnumerable<int>? chunkSizes = null,
        bool dryRun = false, string? idempotencyKey = null, string fileName = "onde.csv")
    {
        using var call = Rpc.ImportOnde(headers);
        await call.RequestStream.WriteAsync(new ImportOndeRequest
        {
            Metadata = new ImportOndeMetadata { Uai = uai, FileName = fileName, DryRun = dryRun, IdempotencyKey = idempotencyKey ?? string.Empty },
        });
        foreach (var chunk in Cut(file, chunkSizes ?? [file.Length]))
        {
            await call.RequestStream.WriteAsync(new ImportOndeRequest { Chunk = ByteString.CopyFrom(chunk) });
        }

        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync).Import;
    }

    public static IEnumerable<byte[]> Cut(byte[] file, IEnumerable<int> sizes)
    {
        var offset = 0;
        foreach (var size in sizes)
        {
            if (offset >= file.Length)
            {
                yield break;
            }

            var length = Math.Min(size, file.Length - offset);
            yield return file[offset..(offset + length)];
            offset += length;
        }

        if (offset < file.Length)
        {
            yield return file[offset..];
        }
    }

    /// <summary>INE → (last name, first name, class, active) for one school, straight from the table.</summary>
    public async Task<Dictionary<string, (string LastName, string FirstName, string ClassLabel, bool Active)>> RowsAsync(string uai) =>
        (await SqlHelper.RowsAsync(app.ConnectionString,
            "SELECT ine, last_name, first_name, class_label, active FROM students WHERE school_uai = @uai", ("uai", uai)))
        .ToDictionary(r => (string)r[0]!, r => ((string)r[1]!, (string)r[2]!, (string)r[3]!, (bool)r[4]!));

    public async Task<Dictionary<string, Guid>> IdsAsync(string uai) =>
        (await SqlHelper.RowsAsync(app.ConnectionString, "SELECT ine, id FROM students WHERE school_uai = @uai", ("uai", uai)))
        .ToDictionary(r => (string)r[0]!, r => (Guid)r[1]!);

    public async Task<List<string>> HistoryStatusesAsync(string uai) =>
        (await SqlHelper.RowsAsync(app.ConnectionString,
            "SELECT status FROM roster_imports WHERE school_uai = @uai ORDER BY seq", ("uai", uai)))
        .Select(r => (string)r[0]!).ToList();
}
