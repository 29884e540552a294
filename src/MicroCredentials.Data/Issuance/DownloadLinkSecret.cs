using System.Security.Cryptography;

namespace MicroCredentials.Data.Issuance;

/// <summary>
/// The deployment secret download links are derived from: 32 random bytes kept in a file next to the SQLite
/// database (created on first use, mode 0600), or given in configuration when several hosts share PostgreSQL.
/// </summary>
public static class DownloadLinkSecret
{
    /// <summary>Reads the secret file, creating it with a fresh secret when it does not exist.</summary>
    /// <exception cref="InvalidOperationException">The file exists but does not hold a base64 secret of 32+ bytes.</exception>
    public static byte[] LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            return Parse(File.ReadAllText(path), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var secret = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(secret));
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Parse(File.ReadAllText(path), path);
        }
    }

    /// <summary>Parses a base64 secret (from a file or configuration).</summary>
    /// <exception cref="InvalidOperationException">Not base64, or shorter than 32 bytes.</exception>
    public static byte[] Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            if (bytes.Length >= 32)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException($"{source} must hold a base64 secret of at least 32 bytes.");
    }
}
