using PixOrga.Benchmark.Data;

namespace PixOrga.Benchmark.Driver;

/// <summary>Where the administrator invitation mailed to a school's own mailbox is read back.</summary>
public interface IInvitationInbox
{
    Task<InvitationLink> ReceiveAsync(GeneratedSchool school, CancellationToken cancellationToken);
}

/// <summary>What the join link of an invitation mail carries.</summary>
public sealed record InvitationLink(string InvitationId, string Code);
