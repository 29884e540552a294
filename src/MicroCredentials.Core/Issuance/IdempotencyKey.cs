using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Catalog;

namespace MicroCredentials.Issuance;

/// <summary>
/// The idempotency key of an award: the same learner (normalised e-mail), micro-credential code and award date
/// always give the same key, so issuing the same CSV twice issues no duplicates. Catalogue version, grade and
/// name are deliberately not part of it: a changed grade or name is a correction (re-issue), not a new award.
/// </summary>
public static class IdempotencyKey
{
    /// <summary>
    /// <c>hex(SHA-256("mc-award-v1|" + lower(trim(email)) + "|" + UPPER(code) + "|" + yyyy-MM-dd))</c>.
    /// </summary>
    public static string For(string email, string code, DateOnly awarded)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(code);
        var text = $"mc-award-v1|{LearnerRow.NormalizeEmail(email)}|{code.Trim().ToUpperInvariant()}|{awarded:yyyy-MM-dd}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The key of a CSV row.</summary>
    public static string For(LearnerRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return For(row.Email, row.Code, row.Awarded);
    }
}
