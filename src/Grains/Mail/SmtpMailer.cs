using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PixOrga.Grains.Mail;

/// <summary>Sends mails through the configured SMTP server with MailKit.</summary>
public sealed class SmtpMailer(IOptions<MailOptions> options, ILogger<SmtpMailer> logger) : IMailer
{
    public async Task SendAsync(MailMessageContent message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = MimeMessageFactory.Create(settings, message);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(
                settings.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set."), settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException
            or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException
            or AuthenticationException or TimeoutException or OperationCanceledException)
        {
            // The address is personal data: it goes back to the caller, never into the logs.
            logger.LogWarning("Mail {Subject} could not be delivered: {Error}", message.Subject, exception.GetType().Name);
            throw new MailDeliveryException(message.To, exception.Message, exception);
        }
    }
}
