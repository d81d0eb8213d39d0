extern alias bench;

using bench::PixOrga.Benchmark.Data;
using bench::PixOrga.Benchmark.Driver;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.Benchmark;

/// <summary>The benchmark driver's inbox in tests: the invitation mails the app sent to the SMTP capture.</summary>
internal sealed class SmtpInvitationInbox(PixOrgaApp app) : IInvitationInbox
{
    public async Task<InvitationLink> ReceiveAsync(GeneratedSchool school, CancellationToken cancellationToken)
    {
        var mail = InvitationMail.From(await app.Smtp.WaitForAsync(school.Email, timeout: TimeSpan.FromSeconds(60)));
        return new InvitationLink(mail.InvitationId, mail.Code);
    }
}
