using PixOrga.Grains.Interfaces.Accounts;

namespace PixOrga.Grains.Accounts;

/// <summary>The stored account. Secrets are kept only as hashes; the password only as an Argon2id PHC string.</summary>
public sealed class UserState
{
    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    /// <summary>Normalised (trimmed, lower-cased); empty while no account exists under this id.</summary>
    public string Email { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>Open sessions, by family id.</summary>
    public Dictionary<string, RefreshFamilyState> RefreshFamilies { get; set; } = [];

    public List<ResetSecretState> ResetSecrets { get; set; } = [];

    /// <summary>Mirror of the schools' side, by UAI.</summary>
    public Dictionary<string, SchoolMembership> Memberships { get; set; } = [];
}

/// <summary>
/// A session: the chain of refresh tokens rotated from one sign-in. Only the current token is
/// accepted; a spent one presented again means it leaked, and the whole family is revoked.
/// </summary>
public sealed class RefreshFamilyState
{
    public string CurrentHash { get; set; } = string.Empty;

    /// <summary>Hashes of spent tokens, newest last, kept to recognise reuse.</summary>
    public List<string> SpentHashes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A password-reset link not used yet.</summary>
public sealed class ResetSecretState
{
    public string Hash { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}
