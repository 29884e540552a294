using System.Text.Json.Nodes;

namespace MicroCredentials.Verification;

/// <summary>The result of verifying a credential: the verdict, every check, and the credential when readable.</summary>
public sealed record VerificationReport
{
    /// <summary>The overall verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Every check in the order run.</summary>
    public required IReadOnlyList<VerificationCheck> Checks { get; init; }

    /// <summary>The credential as JSON when it could be parsed (from JSON, JWT payload, PDF or PNG).</summary>
    public JsonObject? Credential { get; init; }

    /// <summary>
    /// Every proof the credential carries, each with its own outcome, in document order (for a VC-JWT: its JWS). The
    /// verdict rests on at most one of them (<see cref="ProofResult.Accepted"/>); the others are shown, never counted.
    /// </summary>
    public IReadOnlyList<ProofResult> Proofs { get; init; } = [];

    /// <summary>
    /// True when the key that verified the signature is one of the published demo keys (<c>keys.example/</c>): the
    /// signature is mathematically right but proves nothing, since anyone can sign with those keys. Pages and the API
    /// must never show such a credential as plainly genuine.
    /// </summary>
    public bool SignedWithDemoKey { get; init; }

    /// <summary>
    /// For an uploaded certificate PDF sealed by the issuer with an RFC 3161 signature time-stamp (PAdES B-T): the time
    /// the time-stamping authority vouches for ("sealed at …"); null otherwise.
    /// </summary>
    public DateTimeOffset? SealTimeStamp { get; init; }

    /// <summary>The name of the time-stamping authority of <see cref="SealTimeStamp"/> ("time-stamped by …"); null otherwise.</summary>
    public string? SealTimeStampAuthority { get; init; }

    /// <summary>True for <see cref="Verdict.Valid"/> only (see <see cref="SignedWithDemoKey"/> for what it is worth).</summary>
    public bool Verified => Verdict == Verdict.Valid;
}
