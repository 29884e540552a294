namespace MicroCredentials.Verification;

/// <summary>
/// One proof of a credential's proof set and what became of it (VC Data Integrity 1.0 §2.1.1; OB 3.0 accepts a
/// credential on one valid <c>assertionMethod</c> proof by its issuer). Members the proof does not carry as strings are null;
/// each string keeps at most <see cref="CoreLimits.MaxEchoedChars"/> characters of what the proof says.
/// </summary>
public sealed record ProofResult
{
    /// <summary>The proof's position in the proof set (0 for a single proof).</summary>
    public required int Index { get; init; }

    /// <summary>The proof <c>type</c> (<c>DataIntegrityProof</c>; <c>JWS</c> for a VC-JWT).</summary>
    public string? Type { get; init => field = Echo.BoundOrNull(value); }

    /// <summary>The <c>cryptosuite</c> (for a VC-JWT: its <c>alg</c>).</summary>
    public string? Cryptosuite { get; init => field = Echo.BoundOrNull(value); }

    /// <summary>The <c>verificationMethod</c> (for a VC-JWT: its <c>kid</c>).</summary>
    public string? VerificationMethod { get; init => field = Echo.BoundOrNull(value); }

    /// <summary>The <c>proofPurpose</c>.</summary>
    public string? ProofPurpose { get; init => field = Echo.BoundOrNull(value); }

    /// <summary>The <c>created</c> time as written.</summary>
    public string? Created { get; init => field = Echo.BoundOrNull(value); }

    /// <summary>Pass (valid and counted or a valid further proof by the issuer), Fail (the signature or the proof is
    /// broken), Warning (not checkable: a key we do not know, an unsupported suite) or Skipped (valid, but for another purpose).</summary>
    public required CheckOutcome Outcome { get; init; }

    /// <summary>A <see cref="VerificationReasons"/> code.</summary>
    public required string Reason { get; init; }

    /// <summary>One plain English sentence.</summary>
    public required string Detail { get; init; }

    /// <summary>True for the proof the verdict rests on.</summary>
    public bool Accepted { get; init; }
}
