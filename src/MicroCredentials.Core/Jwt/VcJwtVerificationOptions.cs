namespace MicroCredentials.Jwt;

/// <summary>Tolerances of <see cref="VcJwtVerifier"/>. Immutable; <see cref="Default"/> suits most callers.</summary>
public sealed record VcJwtVerificationOptions
{
    /// <summary>The defaults: one minute of clock skew, tokens up to 4 MiB, headers up to 8 KiB.</summary>
    public static readonly VcJwtVerificationOptions Default = new();

    /// <summary>
    /// How far the verifier's clock may be behind the issuer's (for <c>nbf</c>) or ahead (for <c>exp</c>).
    /// Default 1 minute; must not be negative.
    /// </summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest compact JWS accepted, in characters (default 4 MiB: credentials may embed images).</summary>
    public int MaxTokenLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest encoded JOSE header accepted, in characters (default 8 KiB; an RSA <c>jwk</c> needs about 600).</summary>
    public int MaxHeaderLength { get; init; } = 8 * 1024;
}
