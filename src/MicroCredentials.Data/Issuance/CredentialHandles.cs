using System.Security.Cryptography;
using System.Text;

namespace MicroCredentials.Data.Issuance;

/// <summary>
/// The identifiers a credential gets besides its id: the unguessable handle in its verification link, the short
/// code printed under the QR code (typable from paper), and the graduate's download token.
/// </summary>
public static class CredentialHandles
{
    // Crockford base32: no I, L, O, U — nothing a person can misread from paper.
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A 128-bit random handle, base64url (22 characters).</summary>
    public static string NewHandle() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>A 60-bit random short code as three groups of four, e.g. <c>7KQ4-M2XD-9HPA</c>.</summary>
    public static string NewShortCode()
    {
        Span<byte> b = stackalloc byte[8];
        RandomNumberGenerator.Fill(b);
        var value = BitConverter.ToUInt64(b) >> 4;
        var sb = new StringBuilder(14);
        for (var i = 0; i < 12; i++)
        {
            if (i is 4 or 8)
            {
                sb.Append('-');
            }

            sb.Append(Crockford[(int)(value & 31)]);
            value >>= 5;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Normalises a typed short code: upper case, O→0, I/L→1, spaces and missing dashes fixed; null when it cannot be
    /// a short code.
    /// </summary>
    public static string? NormalizeShortCode(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = typed.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray();
        if (chars.Length != 12 || chars.Any(c => !Crockford.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var s = new string(chars);
        return $"{s[..4]}-{s[4..8]}-{s[8..]}";
    }

    /// <summary>
    /// The graduate's download token for a credential: HMAC-SHA-256 of the credential id under a deployment secret,
    /// so the same link can be produced again (a rerun of a batch, a lost e-mail) without storing it in clear.
    /// </summary>
    public static string DownloadToken(ReadOnlySpan<byte> secret, string credentialId)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("download-link-v1|" + credentialId));
        return Base64Url(mac.AsSpan(0, 18));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
