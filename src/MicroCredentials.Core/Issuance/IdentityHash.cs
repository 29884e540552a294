using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Model;

namespace MicroCredentials.Issuance;

/// <summary>
/// OB 3.0 <c>IdentityHash</c>: <c>sha256$hex(SHA-256(UTF-8(value ‖ salt)))</c> (OB 3.0 §B.1.10; STANDARDS §1.3).
/// E-mail addresses are trimmed and lower-cased before hashing.
/// </summary>
public static class IdentityHash
{
    /// <summary>Hashes <paramref name="value"/> with <paramref name="salt"/>.</summary>
    public static string Sha256(string value, string salt)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(salt);
        return "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value + salt)));
    }

    /// <summary>A fresh random salt: 16 bytes as 32 hex characters.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A hashed <c>emailAddress</c> identity object with a fresh salt.</summary>
    public static IdentityObject ForEmail(string email)
    {
        var salt = NewSalt();
        return new IdentityObject
        {
            Hashed = true,
            IdentityType = Ob3Terms.IdentityTypeEmail,
            IdentityHash = Sha256(Catalog.LearnerRow.NormalizeEmail(email), salt),
            Salt = salt,
        };
    }

    /// <summary>
    /// True when <paramref name="email"/> matches the identity object (the recipient check of OB 3.0
    /// verification step 5). Compares in constant time.
    /// </summary>
    public static bool Matches(IdentityObject identity, string email)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(email);
        var expected = identity.Hashed
            ? Sha256(Catalog.LearnerRow.NormalizeEmail(email), identity.Salt ?? string.Empty)
            : Catalog.LearnerRow.NormalizeEmail(email);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(expected.ToLowerInvariant()), Encoding.UTF8.GetBytes(identity.IdentityHash.ToLowerInvariant()));
    }
}
