using System.Security.Cryptography;

namespace PixOrga.Silo.Hosting;

/// <summary>
/// The default run signs tokens with a key generated once and kept in the data folder, so
/// sessions survive a restart without anyone having to configure a secret.
/// </summary>
internal static class SigningKeyFile
{
    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
