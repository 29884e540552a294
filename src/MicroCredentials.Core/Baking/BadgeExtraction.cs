namespace MicroCredentials.Baking;

/// <summary>What was found in a baked badge image.</summary>
/// <param name="Status">Found, not baked, malformed, or over a reading limit.</param>
/// <param name="Credential">The baked credential: a compact JWS or the credential JSON; null unless <see cref="BadgeExtractionStatus.Found"/>.</param>
/// <param name="Problem">For <see cref="BadgeExtractionStatus.TooLarge"/> (and some malformed images), one plain sentence saying why.</param>
public sealed record BadgeExtraction(BadgeExtractionStatus Status, string? Credential, string? Problem = null)
{
    /// <summary>True when the baked credential is a compact JWS (VC-JWT) rather than JSON with an embedded proof.</summary>
    public bool IsJwt => Credential is { } c && BakingTerms.IsCompactJws(c);
}
