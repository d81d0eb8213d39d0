using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Roster;
using DomainLevel = PixOrga.Grains.Interfaces.Roster.StudentLevel;
using ProtoLevel = PixOrga.Contracts.V1.StudentLevel;

namespace PixOrga.Gateway.Grpc.Students;

internal static class StudentMapping
{
    public static Student ToProto(RosterStudent student) => new()
    {
        Id = student.Id.ToString(),
        Uai = student.Uai,
        Ine = student.Ine,
        LastName = student.LastName,
        FirstName = student.FirstName,
        Level = ToProto(student.Level),
        ClassLabel = student.ClassLabel,
        BirthDate = student.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Active = student.Active,
        UpdateTime = Timestamp.FromDateTimeOffset(student.UpdatedAt),
    };

    public static Contracts.V1.SchoolClass ToProto(Grains.Interfaces.Roster.SchoolClass schoolClass)
    {
        var proto = new Contracts.V1.SchoolClass { Label = schoolClass.Label, StudentCount = schoolClass.StudentCount };
        proto.Levels.Add(schoolClass.Levels.Select(ToProto));
        return proto;
    }

    public static ProtoLevel ToProto(DomainLevel level) => level switch
    {
        DomainLevel.Cm1 => ProtoLevel.Cm1,
        DomainLevel.Cm2 => ProtoLevel.Cm2,
        _ => ProtoLevel.Unspecified,
    };

    public static DomainLevel ToDomain(ProtoLevel level) => level switch
    {
        ProtoLevel.Cm1 => DomainLevel.Cm1,
        ProtoLevel.Cm2 => DomainLevel.Cm2,
        _ => DomainLevel.Unspecified,
    };

    public static Contracts.V1.RosterImport ToProto(Grains.Interfaces.Roster.RosterImport import)
    {
        var proto = new Contracts.V1.RosterImport
        {
            Id = import.Id.ToString(),
            Uai = import.Uai,
            Status = ToProto(import.Status),
            CreateTime = Timestamp.FromDateTimeOffset(import.CreatedAt),
            CreatedBy = import.CreatedBy.ToString(),
            FileName = import.FileName,
            Counts = new ImportCounts
            {
                LineCount = import.Counts.LineCount,
                Added = import.Counts.Added,
                Updated = import.Counts.Updated,
                Reactivated = import.Counts.Reactivated,
                Deactivated = import.Counts.Deactivated,
                Unchanged = import.Counts.Unchanged,
                IgnoredDuplicates = import.Counts.IgnoredDuplicates,
            },
            DecideTime = import.DecidedAt is { } decidedAt ? Timestamp.FromDateTimeOffset(decidedAt) : null,
            DecidedBy = import.DecidedBy?.ToString() ?? string.Empty,
            Replayed = import.Replayed,
            RequiresConfirmation = import.RequiresConfirmation,
        };
        proto.Errors.Add(import.Errors.Select(error => new ImportError
        {
            Line = error.Line ?? 0,
            Column = error.Column ?? string.Empty,
            Reason = error.Code,
            Message = error.Message,
        }));
        if (import.Preview is { } preview)
        {
            proto.Preview = new ImportPreview
            {
                AddedInes = { preview.Added },
                UpdatedInes = { preview.Updated },
                ReactivatedInes = { preview.Reactivated },
                DeactivatedInes = { preview.Deactivated },
                UnchangedInes = { preview.Unchanged },
            };
        }

        return proto;
    }

    private static ImportStatus ToProto(RosterImportStatus status) => status switch
    {
        RosterImportStatus.Imported => ImportStatus.Imported,
        RosterImportStatus.ValidationError => ImportStatus.ValidationError,
        RosterImportStatus.AwaitingConfirmation => ImportStatus.AwaitingConfirmation,
        RosterImportStatus.Cancelled => ImportStatus.Cancelled,
        RosterImportStatus.Unchanged => ImportStatus.Unchanged,
        RosterImportStatus.Preview => ImportStatus.Preview,
        _ => ImportStatus.Unspecified,
    };
}
