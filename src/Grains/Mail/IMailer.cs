namespace PixOrga.Grains.Mail;

/// <summary>Delivers a rendered mail; throws <see cref="MailDeliveryException"/> when it cannot.</summary>
public interface IMailer
{
    Task SendAsync(MailMessageContent message, CancellationToken cancellationToken = default);
}
