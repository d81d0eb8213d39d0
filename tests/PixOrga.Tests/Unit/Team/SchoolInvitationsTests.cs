using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Schools;
using PixOrga.Grains.Team;

namespace PixOrga.Tests.Unit.Team;

public sealed class SchoolInvitationsTests
{
    private const string Uai = "0751234A";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private static readonly DateTimeOffset Monday = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, InvitationRecord> stored = [];

    private SchoolInvitations Invitations() => new(Uai, stored, Lifetime);

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void Issue_NewAddress_PendingInvitationWithFreshLink()
    {
        var invitations = Invitations();

        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);

        var record = Assert.Single(stored.Values);
        Assert.Same(record, issued.Record);
        Assert.StartsWith(Uai + "-", record.Id, StringComparison.Ordinal);
        Assert.Equal(Uai, InvitationId.SchoolOf(record.Id));
        Assert.Equal("anne@ecole.fr", record.Email);
        Assert.Equal(InvitationStatus.Pending, record.Status);
        Assert.Equal(Monday, record.CreatedAt);
        Assert.Equal(Monday, record.LastSentAt);
        Assert.Equal(Monday + Lifetime, record.ExpiresAt);
        Assert.NotEqual(issued.Code, record.CodeHash);
        Assert.Same(record, invitations.Usable(record.Id, issued.Code, Monday));
    }

    [Fact]
    public void Issue_PendingForSameAddress_ReusedWithRenewedCode()
    {
        var invitations = Invitations();
        var first = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var tuesday = Monday.AddDays(1);

        var second = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, tuesday);

        Assert.Single(stored);
        Assert.Equal(first.Record.Id, second.Record.Id);
        Assert.NotEqual(first.Code, second.Code);
        Assert.Equal(Monday, second.Record.CreatedAt);
        Assert.Equal(tuesday, second.Record.LastSentAt);
        Assert.Equal(tuesday + Lifetime, second.Record.ExpiresAt);
        Assert.Equal("INVITATION_NOT_FOUND", Refused(() => invitations.Usable(first.Record.Id, first.Code, tuesday)).Errors[0].Code);
        Assert.Same(second.Record, invitations.Usable(second.Record.Id, second.Code, tuesday));
    }

    [Fact]
    public void Issue_ExpiredPendingForSameAddress_ReusedAndUsableAgain()
    {
        var invitations = Invitations();
        var first = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var later = Monday + Lifetime + TimeSpan.FromDays(1);

        var second = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, later);

        Assert.Equal(first.Record.Id, second.Record.Id);
        Assert.Same(second.Record, invitations.Usable(second.Record.Id, second.Code, later));
    }

    [Fact]
    public void Issue_OtherAddress_AnotherInvitation()
    {
        var invitations = Invitations();
        var anne = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);

        var paul = invitations.Issue("paul@ecole.fr", SchoolRole.Unspecified, Monday);

        Assert.Equal(2, stored.Count);
        Assert.NotEqual(anne.Record.Id, paul.Record.Id);
    }

    [Fact]
    public void Issue_AfterTheInvitationWasCancelled_AnotherInvitation()
    {
        var invitations = Invitations();
        var first = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        invitations.Cancel(first.Record.Id, Monday);

        var second = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday.AddHours(1));

        Assert.NotEqual(first.Record.Id, second.Record.Id);
        Assert.Equal(InvitationStatus.Cancelled, stored[first.Record.Id].Status);
        Assert.Equal(InvitationStatus.Pending, second.Record.Status);
    }

    [Fact]
    public void Issue_ReusedWithoutRole_KeepsTheAdminRole()
    {
        var invitations = Invitations();
        invitations.Issue("ce.0751234a@ac-paris.fr", SchoolRole.Admin, Monday);

        var again = invitations.Issue("ce.0751234a@ac-paris.fr", SchoolRole.Unspecified, Monday.AddHours(1));

        Assert.Equal(SchoolRole.Admin, again.Record.Role);
    }

    [Fact]
    public void Issue_ReusedWithAdminRole_BecomesAdmin()
    {
        var invitations = Invitations();
        invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);

        var again = invitations.Issue("anne@ecole.fr", SchoolRole.Admin, Monday.AddHours(1));

        Assert.Equal(SchoolRole.Admin, again.Record.Role);
    }

    [Fact]
    public void Resend_Pending_RenewsTheCode()
    {
        var invitations = Invitations();
        var first = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var tuesday = Monday.AddDays(1);

        var resent = invitations.Resend(first.Record.Id, tuesday);

        Assert.NotEqual(first.Code, resent.Code);
        Assert.Equal(tuesday, resent.Record.LastSentAt);
        Assert.Equal(tuesday + Lifetime, resent.Record.ExpiresAt);
        Assert.Equal("INVITATION_NOT_FOUND", Refused(() => invitations.Usable(first.Record.Id, first.Code, tuesday)).Errors[0].Code);
        Assert.Same(resent.Record, invitations.Usable(first.Record.Id, resent.Code, tuesday));
    }

    [Fact]
    public void Resend_Cancelled_Unresendable()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var hash = issued.Record.CodeHash;
        invitations.Cancel(issued.Record.Id, Monday);

        var error = Refused(() => invitations.Resend(issued.Record.Id, Monday.AddHours(1)));

        Assert.Equal("UNRESENDABLE_INVITATION", error.Errors[0].Code);
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal(hash, issued.Record.CodeHash);
    }

    [Fact]
    public void Resend_Accepted_Unresendable()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        SchoolInvitations.MarkAccepted(issued.Record, Guid.NewGuid(), Monday);

        Assert.Equal("UNRESENDABLE_INVITATION", Refused(() => invitations.Resend(issued.Record.Id, Monday.AddHours(1))).Errors[0].Code);
    }

    [Fact]
    public void Resend_UnknownId_InvitationNotFound()
    {
        var invitations = Invitations();

        Assert.Equal("INVITATION_NOT_FOUND", Refused(() => invitations.Resend(Uai + "-abcdefghijkm", Monday)).Errors[0].Code);
    }

    [Fact]
    public void Cancel_Pending_Cancelled()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var tuesday = Monday.AddDays(1);

        var cancelled = invitations.Cancel(issued.Record.Id, tuesday);

        Assert.Equal(InvitationStatus.Cancelled, cancelled.Status);
        Assert.Equal(tuesday, cancelled.CancelledAt);
        Assert.Equal(InvitationStatus.Cancelled, stored[issued.Record.Id].Status);
    }

    [Fact]
    public void Cancel_AlreadyCancelled_Uncancellable()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        invitations.Cancel(issued.Record.Id, Monday);

        Assert.Equal("UNCANCELLABLE_INVITATION", Refused(() => invitations.Cancel(issued.Record.Id, Monday)).Errors[0].Code);
    }

    [Fact]
    public void Cancel_Accepted_UncancellableAndStillAccepted()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        SchoolInvitations.MarkAccepted(issued.Record, Guid.NewGuid(), Monday);

        Assert.Equal("UNCANCELLABLE_INVITATION", Refused(() => invitations.Cancel(issued.Record.Id, Monday)).Errors[0].Code);
        Assert.Equal(InvitationStatus.Accepted, issued.Record.Status);
    }

    [Fact]
    public void Cancel_UnknownId_InvitationNotFound()
    {
        var invitations = Invitations();

        Assert.Equal("INVITATION_NOT_FOUND", Refused(() => invitations.Cancel("nope", Monday)).Errors[0].Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-the-code")]
    [InlineData(null)]
    public void Usable_WrongCode_LooksLikeAnUnknownId(string? code)
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var unknown = Refused(() => invitations.Usable(Uai + "-abcdefghijkm", issued.Code, Monday));

        var wrongCode = Refused(() => invitations.Usable(issued.Record.Id, code!, Monday));

        Assert.Equal("INVITATION_NOT_FOUND", wrongCode.Errors[0].Code);
        Assert.Equal(unknown.Kind, wrongCode.Kind);
        Assert.Equal(unknown.Errors, wrongCode.Errors);
    }

    [Fact]
    public void Usable_NullId_InvitationNotFound()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);

        Assert.Equal("INVITATION_NOT_FOUND", Refused(() => invitations.Usable(null!, issued.Code, Monday)).Errors[0].Code);
    }

    [Fact]
    public void Usable_AtExpiry_Expired()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);

        var error = Refused(() => invitations.Usable(issued.Record.Id, issued.Code, Monday + Lifetime));

        Assert.Equal("EXPIRED_INVITATION", error.Errors[0].Code);
        Assert.Same(issued.Record, invitations.Usable(issued.Record.Id, issued.Code, Monday + Lifetime - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Usable_Cancelled_CancelledInvitation()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        invitations.Cancel(issued.Record.Id, Monday);

        Assert.Equal("CANCELLED_INVITATION", Refused(() => invitations.Usable(issued.Record.Id, issued.Code, Monday)).Errors[0].Code);
    }

    [Fact]
    public void Usable_Accepted_AlreadyAccepted()
    {
        var invitations = Invitations();
        var issued = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var user = Guid.NewGuid();
        SchoolInvitations.MarkAccepted(issued.Record, user, Monday.AddHours(1));

        var error = Refused(() => invitations.Usable(issued.Record.Id, issued.Code, Monday.AddHours(2)));

        Assert.Equal("ALREADY_ACCEPTED_INVITATION", error.Errors[0].Code);
        Assert.Equal(user, issued.Record.AcceptedBy);
        Assert.Equal(Monday.AddHours(1), issued.Record.AcceptedAt);
    }

    [Fact]
    public void Page_PendingInvitations_MostRecentlySentFirstAcrossPages()
    {
        var invitations = Invitations();
        var anne = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        invitations.Issue("paul@ecole.fr", SchoolRole.Unspecified, Monday.AddHours(1));
        invitations.Issue("zoe@ecole.fr", SchoolRole.Unspecified, Monday.AddHours(2));
        invitations.Issue("leo@ecole.fr", SchoolRole.Unspecified, Monday.AddHours(3));
        invitations.Resend(anne.Record.Id, Monday.AddHours(4));
        var now = Monday.AddHours(5);

        var first = invitations.Page(2, null, now);
        var second = invitations.Page(2, first.NextAfter, now);

        Assert.Equal(["anne@ecole.fr", "leo@ecole.fr"], first.Invitations.Select(i => i.Email));
        Assert.NotNull(first.NextAfter);
        Assert.Equal(["zoe@ecole.fr", "paul@ecole.fr"], second.Invitations.Select(i => i.Email));
        Assert.Null(second.NextAfter);
    }

    [Fact]
    public void Page_SameSendingTime_EachInvitationOnce()
    {
        var invitations = Invitations();
        string[] emails = ["a@ecole.fr", "b@ecole.fr", "c@ecole.fr", "d@ecole.fr", "e@ecole.fr"];
        foreach (var email in emails)
        {
            invitations.Issue(email, SchoolRole.Unspecified, Monday);
        }

        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = invitations.Page(2, after, Monday);
            seen.AddRange(page.Invitations.Select(i => i.Email));
            after = page.NextAfter;
            if (after is null)
            {
                break;
            }
        }

        Assert.Null(after);
        Assert.Equal(emails, seen.Order());
    }

    [Fact]
    public void Page_CancelledAndAccepted_NotListed()
    {
        var invitations = Invitations();
        var cancelled = invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        var accepted = invitations.Issue("paul@ecole.fr", SchoolRole.Unspecified, Monday);
        invitations.Issue("zoe@ecole.fr", SchoolRole.Unspecified, Monday);
        invitations.Cancel(cancelled.Record.Id, Monday);
        SchoolInvitations.MarkAccepted(accepted.Record, Guid.NewGuid(), Monday);

        var page = invitations.Page(10, null, Monday);

        Assert.Equal(["zoe@ecole.fr"], page.Invitations.Select(i => i.Email));
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public void Page_ExpiredPending_ListedAsExpired()
    {
        var invitations = Invitations();
        invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);

        var page = invitations.Page(10, null, Monday + Lifetime);

        var view = Assert.Single(page.Invitations);
        Assert.Equal(InvitationStatus.Expired, view.Status);
        Assert.Equal(Uai, view.Uai);
        Assert.Equal(Monday + Lifetime, view.ExpiresAt);
    }

    [Fact]
    public void Page_ExactlyPageSize_NoNextAfter()
    {
        var invitations = Invitations();
        invitations.Issue("anne@ecole.fr", SchoolRole.Unspecified, Monday);
        invitations.Issue("paul@ecole.fr", SchoolRole.Unspecified, Monday.AddHours(1));

        var page = invitations.Page(2, null, Monday.AddHours(2));

        Assert.Equal(2, page.Invitations.Count);
        Assert.Null(page.NextAfter);
    }
}
