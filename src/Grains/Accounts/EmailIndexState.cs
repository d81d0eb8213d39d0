namespace PixOrga.Grains.Accounts;

/// <summary>Who owns one e-mail address.</summary>
public sealed class EmailIndexState
{
    public Guid? UserId { get; set; }

    /// <summary>False between the claim and the write of the account.</summary>
    public bool Confirmed { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
}
