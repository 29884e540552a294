using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>The outcome of <see cref="VcJwtVerifier.Verify"/>: the credential on success, a reason otherwise.</summary>
public sealed record JwtVerificationResult
{
    private JwtVerificationResult()
    {
    }

    /// <summary>True when the token is a valid VC-JWT of the issuer; then <see cref="Credential"/> is set.</summary>
    public bool IsValid => Failure is null;

    /// <summary>Why the token was rejected; null when valid.</summary>
    public JwtVerificationFailure? Failure { get; private init; }

    /// <summary>A one-line explanation for people (never contains key material).</summary>
    public string Detail { get; private init; } = "";

    /// <summary>The verified payload (the credential with the JWT claims); null when rejected.</summary>
    public JsonObject? Credential { get; private init; }

    /// <summary>The key id of the key that verified the signature; null when none did.</summary>
    public string? KeyId { get; private init; }

    /// <summary>The verified algorithm (<c>RS256</c> or <c>ES256</c>); null when rejected before the signature check.</summary>
    public string? Algorithm { get; private init; }

    internal static JwtVerificationResult Success(JsonObject credential, string keyId, string algorithm) =>
        new() { Credential = credential, KeyId = keyId, Algorithm = algorithm, Detail = "valid" };

    internal static JwtVerificationResult Fail(JwtVerificationFailure failure, string detail, string? keyId = null, string? algorithm = null) =>
        new() { Failure = failure, Detail = detail, KeyId = keyId, Algorithm = algorithm };
}
