using MimeKit;

namespace PixOrga.Grains.Mail;

internal static class MimeMessageFactory
{
    public static MimeMessage Create(MailOptions options, MailMessageContent content)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(content.To));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { HtmlBody = content.Html, TextBody = content.Text }.ToMessageBody();
        return message;
    }
}
