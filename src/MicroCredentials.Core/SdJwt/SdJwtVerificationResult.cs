using System.Text.Json.Nodes;

namespace MicroCredentials.SdJwt;

/// <summary>The outcome of verifying an SD-JWT: the processed payload and what was proven, or why it was refused.</summary>
public sealed record SdJwtVerificationResult
{
    /// <summary>True when the SD-JWT verified.</summary>
    public bool IsValid => Failure is null;

    /// <summary>Why it was rejected, or null.</summary>
    public SdJwtVerificationFailure? Failure { get; init; }

    /// <summary>A human-readable reason, or null.</summary>
    public string? Detail { get; init; }

    /// <summary>The issuer JWT header (when it could be read).</summary>
    public JsonObject? Header { get; init; }

    /// <summary>The processed payload (RFC 9901 §7.1 step 5): disclosed claims in place, no <c>_sd</c>, <c>...</c> or <c>_sd_alg</c>.</summary>
    public JsonObject? Payload { get; init; }

    /// <summary>The key id of the issuer key that verified it, or null.</summary>
    public string? IssuerKeyId { get; init; }

    /// <summary>JSON Pointers of the claims that were disclosed (in the processed payload).</summary>
    public IReadOnlyList<string> DisclosedPaths { get; init; } = [];

    /// <summary>The holder key from <c>cnf.jwk</c>, or null.</summary>
    public HolderKey? HolderKey { get; init; }

    /// <summary>True when a key binding JWT was present and verified.</summary>
    public bool KeyBound { get; init; }

    /// <summary>The key binding JWT's <c>aud</c>, when key bound.</summary>
    public string? KeyBindingAudience { get; init; }

    /// <summary>The key binding JWT's <c>nonce</c>, when key bound.</summary>
    public string? KeyBindingNonce { get; init; }

    internal static SdJwtVerificationResult Fail(SdJwtVerificationFailure failure, string detail, JsonObject? header = null) =>
        new() { Failure = failure, Detail = detail, Header = header };
}
