namespace PixOrga.Grains.Accounts;

/// <summary>The outcome of checking a password: whether it matches, and whether its hash is due for an upgrade.</summary>
public readonly record struct PasswordCheck(bool Matches, bool NeedsRehash);
