namespace PixOrga.Grains.Mail;

/// <summary>Settings of the <c>Mail</c> section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>SMTP server host; when empty, mails are written as .eml files in <see cref="OutboxDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "ne-pas-repondre@pix.fr";

    public string FromName { get; set; } = "Pix Orga";

    public string OutboxDirectory { get; set; } = "outbox";

    /// <summary>Base address of the Pix Orga front end, used to build the links in mails.</summary>
    public string OrgaBaseUrl { get; set; } = "https://orga.pix.fr";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
