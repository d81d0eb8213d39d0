using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PixOrga.Grains.Mail;

/// <summary>
/// Without an SMTP server (the default local run), writes each mail as an .eml file so a
/// developer can open it; the file path is logged, the recipient is not.
/// </summary>
public sealed class OutboxMailer(IOptions<MailOptions> options, ILogger<OutboxMailer> logger) : IMailer
{
    public async Task SendAsync(MailMessageContent message, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(options.Value.OutboxDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        var mime = MimeMessageFactory.Create(options.Value, message);
        // Written under a temporary name and renamed, so a reader of the outbox never sees half a mail.
        var partial = path + ".partial";
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("Mail {Subject} written to {Path}", message.Subject, path);
    }
}
