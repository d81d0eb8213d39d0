using Microsoft.Extensions.Logging;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Schools;

/// <summary>What the school grain logs: ids and counts, never a name, an address or an INE.</summary>
internal static partial class SchoolGrainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "School {Uai}: administration requested, invitation {InvitationId} sent")]
    public static partial void AdministrationRequested(this ILogger logger, string uai, string invitationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "School {Uai}: {Count} invitations issued, {Failed} mails failed")]
    public static partial void InvitationsIssued(this ILogger logger, string uai, int count, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "School {Uai}: invitation {InvitationId} accepted by user {UserId} as {Role}")]
    public static partial void InvitationAccepted(this ILogger logger, string uai, string invitationId, Guid userId, SchoolRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "School {Uai}: user {UserId} is now {Role}")]
    public static partial void RoleChanged(this ILogger logger, string uai, Guid userId, SchoolRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "School {Uai}: user {UserId} removed by {AdminId}")]
    public static partial void MemberRemoved(this ILogger logger, string uai, Guid userId, Guid adminId);

    [LoggerMessage(Level = LogLevel.Information, Message = "School {Uai}: user {UserId} left")]
    public static partial void MemberLeft(this ILogger logger, string uai, Guid userId);

    public static void ImportCommitted(this ILogger logger, RosterImport import) => ImportCommitted(
        logger, import.Uai, import.Id, import.Status, import.Counts.Added, import.Counts.Updated, import.Counts.Reactivated,
        import.Counts.Deactivated, import.Errors.Count);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "School {Uai} import {ImportId}: {Status}, {Added} added, {Updated} updated, {Reactivated} reactivated, {Deactivated} deactivated, {Errors} errors")]
    private static partial void ImportCommitted(
        ILogger logger, string uai, Guid importId, RosterImportStatus status, int added, int updated, int reactivated, int deactivated, int errors);
}
