namespace PixOrga.Grains.Mail;

/// <summary>The mail could not be handed to the mail server.</summary>
public sealed class MailDeliveryException(string recipient, string serverAnswer, Exception inner)
    : Exception("Mail delivery failed", inner)
{
    public string Recipient { get; } = recipient;

    public string ServerAnswer { get; } = serverAnswer;
}
