using Microsoft.Extensions.Logging;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Mail;
using PixOrga.Grains.Team;

namespace PixOrga.Grains.Schools;

/// <summary>Invitations: created and managed by the school's administrators, accepted through a mailed link.</summary>
public sealed partial class SchoolGrain
{
    /// <summary>Several SMTP conversations at once, so a long list is not sent one slow mail at a time.</summary>
    private const int ParallelMails = 4;

    public async Task<IReadOnlyList<InvitationView>> CreateInvitations(Caller caller, IReadOnlyList<string> emails)
    {
        RequireAdmin(caller);
        var addresses = InvitationEmailList.Parse(emails);
        var profile = await LoadProfileAsync();
        var now = clock.UtcNow;
        var issued = addresses.Select(address => IssueInvitation(address, SchoolRole.Unspecified, now)).ToList();

        // Stored before anything is sent: an invitation whose mail fails stays pending and resendable.
        await SaveTeamAsync();
        var failed = await SendTeamInvitationsAsync(profile.Name, issued);
        logger.LogInformation(
            "School {Uai}: {Count} invitations issued, {Failed} mails failed", SchoolUai, issued.Count, failed.Count);
        if (failed.Count > 0)
        {
            throw TeamErrors.InvitationMailsFailed(failed);
        }

        return issued.Select(i => View(i.Record, now)).ToList();
    }

    public Task<InvitationPage> ListInvitations(Caller caller, int pageSize, string? after)
    {
        RequireAdmin(caller);
        var now = clock.UtcNow;
        var page = team.State.Invitations.Values
            .Where(i => i.Status == InvitationStatus.Pending)
            .Select(i => (Key: InvitationSortKey(i), Invitation: i))
            .OrderByDescending(i => i.Key, StringComparer.Ordinal)
            .Where(i => after is null || string.CompareOrdinal(i.Key, after) < 0)
            .Take(pageSize + 1)
            .ToList();
        var hasMore = page.Count > pageSize;
        var shown = page.Take(pageSize).ToList();
        return Task.FromResult(new InvitationPage(
            shown.Select(i => View(i.Invitation, now)).ToList(),
            hasMore ? shown[^1].Key : null));
    }

    public async Task<InvitationView> ResendInvitation(Caller caller, string invitationId)
    {
        RequireAdmin(caller);
        var invitation = InvitationById(invitationId);
        if (invitation.Status != InvitationStatus.Pending)
        {
            throw TeamErrors.UnresendableInvitation();
        }

        var profile = await LoadProfileAsync();
        var now = clock.UtcNow;
        var code = Renew(invitation, now);
        await SaveTeamAsync();
        var failed = await SendTeamInvitationsAsync(profile.Name, [(invitation, code)]);
        if (failed.Count > 0)
        {
            throw TeamErrors.InvitationMailsFailed(failed);
        }

        return View(invitation, now);
    }

    public async Task<InvitationView> CancelInvitation(Caller caller, string invitationId)
    {
        RequireAdmin(caller);
        var invitation = InvitationById(invitationId);
        if (invitation.Status != InvitationStatus.Pending)
        {
            throw TeamErrors.UncancellableInvitation();
        }

        var now = clock.UtcNow;
        invitation.Status = InvitationStatus.Cancelled;
        invitation.CancelledAt = now;
        await SaveTeamAsync();
        return View(invitation, now);
    }

    public async Task<InvitationSummary> GetInvitation(string invitationId, string code)
    {
        var invitation = UsableInvitation(invitationId, code, clock.UtcNow);
        var profile = await LoadProfileAsync();
        return new InvitationSummary(invitation.Id, SchoolUai, profile.Name, InvitationStatus.Pending, invitation.ExpiresAt);
    }

    public async Task<AcceptedInvitation> AcceptInvitation(Caller caller, string invitationId, string code)
    {
        var userId = caller.UserId ?? throw CommonErrors.Unauthenticated();
        var now = clock.UtcNow;
        var invitation = UsableInvitation(invitationId, code, now);
        var profile = await LoadProfileAsync();

        // The grain handles one call at a time: of two simultaneous acceptances, the second sees
        // this one's "accepted" and fails. Single use is decided here, nowhere else.
        invitation.Status = InvitationStatus.Accepted;
        invitation.AcceptedAt = now;
        invitation.AcceptedBy = userId;

        var existing = ActiveMember(userId);
        SchoolRole role;
        if (existing is not null)
        {
            if (invitation.Role == SchoolRole.Unspecified)
            {
                // The link is used up either way, as in Pix: the person is already in the team.
                await SaveTeamAsync();
                throw TeamErrors.AlreadyMember();
            }

            existing.Role = invitation.Role;
            role = existing.Role;
        }
        else
        {
            role = TeamRules.RoleOnAcceptance(invitation.Role, team.State.Members.Values.Any(m => m.IsActive));
            Join(userId, role, now);
        }

        await SaveTeamAsync();
        await GrainFactory.GetGrain<IUserGrain>(userId).SetMembership(new SchoolMembership(SchoolUai, profile.Name, role));
        logger.LogInformation("School {Uai}: invitation {InvitationId} accepted by user {UserId} as {Role}", SchoolUai, invitation.Id, userId, role);
        return new AcceptedInvitation(SchoolUai, profile.Name, role);
    }

    /// <summary>A new membership, or the return of someone removed earlier (their past period kept).</summary>
    private void Join(Guid userId, SchoolRole role, DateTimeOffset now)
    {
        if (team.State.Members.TryGetValue(userId, out var former) && former.DisabledAt is { } disabledAt)
        {
            former.PastPeriods.Add(new MembershipPeriod
            {
                Role = former.Role,
                JoinedAt = former.JoinedAt,
                DisabledAt = disabledAt,
                DisabledBy = former.DisabledBy,
            });
            former.Role = role;
            former.JoinedAt = now;
            former.DisabledAt = null;
            former.DisabledBy = null;
            return;
        }

        team.State.Members[userId] = new MemberRecord { UserId = userId, Role = role, JoinedAt = now };
    }

    /// <summary>The pending invitation for this address, renewed; or a new one.</summary>
    private (InvitationRecord Record, string Code) IssueInvitation(string email, SchoolRole role, DateTimeOffset now)
    {
        var record = team.State.Invitations.Values.FirstOrDefault(
            i => i.Status == InvitationStatus.Pending && i.Email == email);
        if (record is null)
        {
            var id = InvitationId.New(SchoolUai);
            while (team.State.Invitations.ContainsKey(id))
            {
                id = InvitationId.New(SchoolUai);
            }

            record = new InvitationRecord
            {
                Id = id,
                Email = email,
                Role = role,
                Status = InvitationStatus.Pending,
                CreatedAt = now,
            };
            team.State.Invitations[id] = record;
        }
        else if (role != SchoolRole.Unspecified)
        {
            record.Role = role;
        }

        return (record, Renew(record, now));
    }

    /// <summary>A fresh secret and deadline: links mailed earlier stop working.</summary>
    private string Renew(InvitationRecord invitation, DateTimeOffset now)
    {
        var (code, hash) = InvitationCode.New();
        invitation.CodeHash = hash;
        invitation.LastSentAt = now;
        invitation.ExpiresAt = now + teamOptions.Value.InvitationLifetime;
        return code;
    }

    private string Link(InvitationRecord invitation, string code) =>
        InvitationLink.Build(mailOptions.Value.OrgaBaseUrl, invitation.Id, code);

    /// <summary>Sends every mail it can; returns the addresses the mail server refused, in order.</summary>
    private async Task<List<string>> SendTeamInvitationsAsync(
        string schoolName, IReadOnlyList<(InvitationRecord Record, string Code)> issued)
    {
        var mails = issued
            .Select((item, index) => (Index: index, item.Record.Email, Mail: InvitationMails.TeamInvitation(
                item.Record.Email, schoolName, Link(item.Record, item.Code), item.Record.ExpiresAt)))
            .ToList();
        var failed = new List<(int Index, string Email)>();
        await Parallel.ForEachAsync(mails, new ParallelOptions { MaxDegreeOfParallelism = ParallelMails }, async (mail, token) =>
        {
            try
            {
                await mailer.SendAsync(mail.Mail, token);
            }
            catch (MailDeliveryException)
            {
                lock (failed)
                {
                    failed.Add((mail.Index, mail.Email));
                }
            }
        });
        return failed.OrderBy(f => f.Index).Select(f => f.Email).ToList();
    }

    /// <summary>An invitation of this school, for its administrators.</summary>
    private InvitationRecord InvitationById(string invitationId) =>
        team.State.Invitations.TryGetValue(invitationId ?? string.Empty, out var invitation)
            ? invitation
            : throw TeamErrors.InvitationNotFound();

    /// <summary>
    /// The invitation a link designates, if it can still be used. A wrong code looks exactly like
    /// an unknown id: without the secret, nothing about the invitation is revealed.
    /// </summary>
    private InvitationRecord UsableInvitation(string invitationId, string code, DateTimeOffset now)
    {
        if (!team.State.Invitations.TryGetValue(invitationId ?? string.Empty, out var invitation)
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

    /// <summary>Most recently sent first; fixed-width ticks keep ordinal order equal to time order.</summary>
    private static string InvitationSortKey(InvitationRecord invitation) =>
        $"{invitation.LastSentAt.UtcTicks:D19}|{invitation.Id}";

    private InvitationView View(InvitationRecord invitation, DateTimeOffset now) => new(
        invitation.Id,
        SchoolUai,
        invitation.Email,
        invitation.Role,
        invitation.StatusAt(now),
        invitation.CreatedAt,
        invitation.LastSentAt,
        invitation.ExpiresAt);

    /// <summary>
    /// Persists the team. If the write fails, the activation is dropped so the next call reloads
    /// what is really stored instead of trusting changes that were never saved.
    /// </summary>
    private async Task SaveTeamAsync()
    {
        try
        {
            await team.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
