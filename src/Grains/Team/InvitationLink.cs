namespace PixOrga.Grains.Team;

/// <summary>The join page's address, carrying everything it needs: the invitation id and its code.</summary>
public static class InvitationLink
{
    public static string Build(string orgaBaseUrl, string invitationId, string code) =>
        $"{orgaBaseUrl.TrimEnd('/')}/rejoindre?invitationId={Uri.EscapeDataString(invitationId)}&code={Uri.EscapeDataString(code)}";
}
