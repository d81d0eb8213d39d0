using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Schools;

namespace PixOrga.Grains.Team;

/// <summary>
/// The invitations of a school, over the grain's stored team: issued and renewed with a fresh
/// secret, looked up by link, cancelled, listed. No I/O: the grain persists the state and mails after.
/// </summary>
public sealed class SchoolInvitations(string uai, Dictionary<string, InvitationRecord> invitations, TimeSpan lifetime)
{
    /// <summary>The pending invitation for this address, renewed; or a new one.</summary>
    public IssuedInvitation Issue(string email, SchoolRole role, DateTimeOffset now)
    {
        var record = invitations.Values.FirstOrDefault(i => i.Status == InvitationStatus.Pending && i.Email == email);
        if (record is null)
        {
            var id = InvitationId.New(uai);
            while (invitations.ContainsKey(id))
            {
                id = InvitationId.New(uai);
            }

            record = new InvitationRecord { Id = id, Email = email, Role = role, Status = InvitationStatus.Pending, CreatedAt = now };
            invitations[id] = record;
        }
        else if (role != SchoolRole.Unspecified)
        {
            record.Role = role;
        }

        return new IssuedInvitation(record, Renew(record, now));
    }

    /// <summary>A fresh link for a pending invitation: links mailed earlier stop working.</summary>
    public IssuedInvitation Resend(string invitationId, DateTimeOffset now)
    {
        var invitation = ById(invitationId);
        return invitation.Status == InvitationStatus.Pending
            ? new IssuedInvitation(invitation, Renew(invitation, now))
            : throw TeamErrors.UnresendableInvitation();
    }

    public InvitationRecord Cancel(string invitationId, DateTimeOffset now)
    {
        var invitation = ById(invitationId);
        if (invitation.Status != InvitationStatus.Pending)
        {
            throw TeamErrors.UncancellableInvitation();
        }

        invitation.Status = InvitationStatus.Cancelled;
        invitation.CancelledAt = now;
        return invitation;
    }

    /// <summary>
    /// The invitation a link designates, if it can still be used. A wrong code looks exactly like
    /// an unknown id: without the secret, nothing about the invitation is revealed.
    /// </summary>
    public InvitationRecord Usable(string invitationId, string code, DateTimeOffset now)
    {
        if (!invitations.TryGetValue(invitationId ?? string.Empty, out var invitation)
            || !InvitationCode.Matches(invitation.CodeHash, code))
        {
            throw TeamErrors.InvitationNotFound();
        }

        return invitation.StatusAt(now) switch
        {
            InvitationStatus.Cancelled => throw TeamErrors.CancelledInvitation(),
            InvitationStatus.Accepted => throw TeamErrors.AlreadyAcceptedInvitation(),
            InvitationStatus.Expired => throw TeamErrors.ExpiredInvitation(),
            _ => invitation,
        };
    }

    /// <summary>
    /// Uses the link up. The grain handles one call at a time: of two simultaneous acceptances,
    /// the second sees this one's «accepted» and fails. Single use is decided here, nowhere else.
    /// </summary>
    public static void MarkAccepted(InvitationRecord invitation, Guid userId, DateTimeOffset now)
    {
        invitation.Status = InvitationStatus.Accepted;
        invitation.AcceptedAt = now;
        invitation.AcceptedBy = userId;
    }

    /// <summary>Pending invitations, most recently sent first.</summary>
    public InvitationPage Page(int pageSize, string? after, DateTimeOffset now)
    {
        var page = invitations.Values
            .Where(i => i.Status == InvitationStatus.Pending)
            .Select(i => (Key: SortKey(i), Invitation: i))
            .OrderByDescending(i => i.Key, StringComparer.Ordinal)
            .Where(i => after is null || string.CompareOrdinal(i.Key, after) < 0)
            .Take(pageSize + 1)
            .ToList();
        var hasMore = page.Count > pageSize;
        var shown = page.Take(pageSize).ToList();
        return new InvitationPage(shown.Select(i => View(i.Invitation, now)).ToList(), hasMore ? shown[^1].Key : null);
    }

    public InvitationView View(InvitationRecord invitation, DateTimeOffset now) => new(
        invitation.Id,
        uai,
        invitation.Email,
        invitation.Role,
        invitation.StatusAt(now),
        invitation.CreatedAt,
        invitation.LastSentAt,
        invitation.ExpiresAt);

    private InvitationRecord ById(string invitationId) =>
        invitations.TryGetValue(invitationId ?? string.Empty, out var invitation)
            ? invitation
            : throw TeamErrors.InvitationNotFound();

    private string Renew(InvitationRecord invitation, DateTimeOffset now)
    {
        var (code, hash) = InvitationCode.New();
        invitation.CodeHash = hash;
        invitation.LastSentAt = now;
        invitation.ExpiresAt = now + lifetime;
        return code;
    }

    /// <summary>Fixed-width ticks keep ordinal order equal to time order.</summary>
    private static string SortKey(InvitationRecord invitation) => $"{invitation.LastSentAt.UtcTicks:D19}|{invitation.Id}";
}

/// <summary>An invitation and the secret of its new link, which exists only until it is mailed.</summary>
public sealed record IssuedInvitation(InvitationRecord Record, string Code);
