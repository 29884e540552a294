using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Catalog;

namespace MicroCredentials.Data;

/// <summary>
/// The lookup key for a learner's e-mail address: HMAC-SHA-256 under a server-side pepper of the address normalised by
/// <see cref="LearnerRow.NormalizeEmail"/> (trimmed, lower-cased), as lowercase hex. Deterministic so the same learner is found again, keyed so a stolen database alone does
/// not reveal addresses by dictionary. Unrelated to the salted <c>identityHash</c> inside credentials.
/// </summary>
public static class LearnerEmailHash
{
    /// <summary>Computes the lookup hash.</summary>
    /// <param name="pepper">The server-side secret (at least 16 bytes).</param>
    /// <param name="email">The e-mail address as entered.</param>
    /// <returns>64 lowercase hex characters.</returns>
    /// <exception cref="ArgumentException">The pepper is shorter than 16 bytes or the address is empty.</exception>
    public static string Compute(ReadOnlySpan<byte> pepper, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (pepper.Length < 16)
        {
            throw new ArgumentException("The pepper must be at least 16 bytes.", nameof(pepper));
        }

        var normalized = Encoding.UTF8.GetBytes(LearnerRow.NormalizeEmail(email));
        return Convert.ToHexStringLower(HMACSHA256.HashData(pepper, normalized));
    }
}
