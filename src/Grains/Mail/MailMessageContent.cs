namespace PixOrga.Grains.Mail;

/// <summary>A rendered mail, ready to be sent to one recipient.</summary>
public sealed record MailMessageContent(string To, string Subject, string Html, string Text);
