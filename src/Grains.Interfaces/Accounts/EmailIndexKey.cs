using System.Security.Cryptography;
using System.Text;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>
/// The key of an <see cref="IEmailIndexGrain"/>: a SHA-256 of the normalised address, not the address
/// itself, because Orleans writes grain ids into its logs. The prefix keeps the storage provider from
/// reading the hexadecimal key as an integer.
/// </summary>
public static class EmailIndexKey
{
    public static string For(string email) =>
        "email:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddress.Normalize(email))));
}
