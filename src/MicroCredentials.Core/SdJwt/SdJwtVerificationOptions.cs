namespace MicroCredentials.SdJwt;

/// <summary>What a verifier expects of an SD-JWT (RFC 9901 §7.1, §7.3).</summary>
public sealed record SdJwtVerificationOptions
{
    /// <summary>The header <c>typ</c> required, or null to accept any (the RFC leaves it to the application).</summary>
    public string? ExpectedType { get; init; }

    /// <summary>Refuse an SD-JWT without a key binding JWT. Default false.</summary>
    public bool RequireKeyBinding { get; init; }

    /// <summary>The <c>aud</c> the key binding JWT must carry, or null to report it without checking.</summary>
    public string? ExpectedAudience { get; init; }

    /// <summary>The <c>nonce</c> the key binding JWT must carry, or null to report it without checking.</summary>
    public string? ExpectedNonce { get; init; }

    /// <summary>How old the key binding JWT may be. Default <see cref="CoreLimits.SdJwtKeyBindingMaxAge"/>.</summary>
    public TimeSpan KeyBindingMaxAge { get; init; } = CoreLimits.SdJwtKeyBindingMaxAge;

    /// <summary>Tolerance for clock differences on <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default 60 seconds.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The defaults: any type, key binding checked when present.</summary>
    public static SdJwtVerificationOptions Default { get; } = new();
}
