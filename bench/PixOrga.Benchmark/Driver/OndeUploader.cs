using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using PixOrga.Benchmark.Data;
using PixOrga.Contracts.V1;

namespace PixOrga.Benchmark.Driver;

/// <summary>One ImportOnde call: the metadata, then the file in chunks, then the answer checked against what the file must do.</summary>
internal sealed class OndeUploader(GrpcChannel channel, DriverSettings settings)
{
    private readonly StudentsService.StudentsServiceClient students = new(channel);

    /// <summary>Null when the import did exactly what the file implies; otherwise what went wrong.</summary>
    public async Task<string?> UploadAsync(OndeFile file, Metadata headers, CancellationToken cancellationToken)
    {
        using var call = students.ImportOnde(headers, cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ImportOndeRequest
        {
            Metadata = new ImportOndeMetadata
            {
                Uai = file.School.Uai,
                FileName = file.FileName,
                // A retried upload must not import twice.
                IdempotencyKey = $"{settings.RunTag}-{file.Generation}-{file.School.Uai}",
            },
        }, cancellationToken);
        for (var offset = 0; offset < file.Bytes.Length; offset += settings.ChunkBytes)
        {
            var length = Math.Min(settings.ChunkBytes, file.Bytes.Length - offset);
            await call.RequestStream.WriteAsync(
                new ImportOndeRequest { Chunk = UnsafeByteOperations.UnsafeWrap(file.Bytes.AsMemory(offset, length)) }, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var import = (await call.ResponseAsync).Import;
        return Check(file, import);
    }

    private static string? Check(OndeFile file, RosterImport import)
    {
        var expected = file.Expected;
        var counts = import.Counts;
        if (import.Status != ImportStatus.Imported)
        {
            var firstError = import.Errors.Count > 0 ? $" ({import.Errors[0].Reason} line {import.Errors[0].Line})" : string.Empty;
            return $"{file.School.Uai} generation {file.Generation}: status {import.Status}{firstError}";
        }

        if (counts.LineCount != file.Rows || counts.Added != expected.Added || counts.Updated != expected.Updated
            || counts.Deactivated != expected.Deactivated || counts.Reactivated != 0)
        {
            return $"{file.School.Uai} generation {file.Generation}: counts lines={counts.LineCount}/{file.Rows} "
                + $"added={counts.Added}/{expected.Added} updated={counts.Updated}/{expected.Updated} "
                + $"deactivated={counts.Deactivated}/{expected.Deactivated} reactivated={counts.Reactivated}/0";
        }

        return null;
    }
}
