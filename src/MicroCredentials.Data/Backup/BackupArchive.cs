using System.Security.Cryptography;
using System.Text;

namespace MicroCredentials.Data.Backup;

/// <summary>
/// Names inside a backup archive and the encryption of its private keys: <c>keys.enc</c> = "MCK1" ‖ salt (16) ‖ nonce
/// (12) ‖ tag (16) ‖ AES-256-GCM ciphertext of a zip of the key files, the key PBKDF2-SHA256 of the passphrase
/// (<see cref="Pbkdf2Iterations"/> rounds, OWASP 2023).
/// </summary>
public static class BackupArchive
{
    /// <summary>The manifest entry.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The database entry.</summary>
    public const string Database = "microcredentials.db";

    /// <summary>The download-link secret entry.</summary>
    public const string DownloadLinkSecret = "download-link.secret";

    /// <summary>The folder of the key folder's public files.</summary>
    public const string PublicKeys = "keys/";

    /// <summary>The encrypted private keys entry.</summary>
    public const string EncryptedKeys = "keys.enc";

    /// <summary>The manifest's format value.</summary>
    public const string Format = "microcred-backup/1";

    /// <summary>PBKDF2-SHA256 rounds for the private-key passphrase.</summary>
    public const int Pbkdf2Iterations = 600_000;

    /// <summary>Largest entry restored (8 GiB): room for millions of credentials with their PDFs; a larger entry is not our backup.</summary>
    public const long MaxEntryBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>Most entries in an archive (database, secret, manifest, public and private key files of 1000 generations).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Largest encrypted key blob read into memory (key files of every generation fit in far less).</summary>
    public const int MaxEncryptedKeysBytes = 64 * 1024 * 1024;

    private static readonly byte[] Magic = "MCK1"u8.ToArray();

    /// <summary>Encrypts <paramref name="plain"/> with <paramref name="passphrase"/>.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plain, string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
        var output = new byte[Magic.Length + 16 + 12 + 16 + plain.Length];
        Magic.CopyTo(output, 0);
        salt.CopyTo(output, 4);
        nonce.CopyTo(output, 20);
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(nonce, plain, output.AsSpan(48), output.AsSpan(32, 16), Magic);
        }

        CryptographicOperations.ZeroMemory(key);
        return output;
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> made; null when the passphrase is wrong or the data damaged.</summary>
    public static byte[]? TryDecrypt(ReadOnlySpan<byte> sealedData, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (sealedData.Length < 48 || !sealedData[..4].SequenceEqual(Magic))
        {
            return null;
        }

        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), sealedData.Slice(4, 16).ToArray(), Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
        var plain = new byte[sealedData.Length - 48];
        try
        {
            using var aes = new AesGcm(key, 16);
            aes.Decrypt(sealedData.Slice(20, 12), sealedData[48..], sealedData.Slice(32, 16), plain, Magic);
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
