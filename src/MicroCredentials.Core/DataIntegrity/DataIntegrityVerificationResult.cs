namespace MicroCredentials.DataIntegrity;

/// <summary>The outcome of <c>DataIntegrityVerifier.Verify</c>.</summary>
/// <param name="Failure">Why verification failed; <see langword="null"/> when a proof verified.</param>
/// <param name="Detail">A human-readable explanation (the JSON-LD path of an undefined term, the wrong value, …).</param>
/// <param name="Proof">The proof that verified, or the proof the failure refers to when one could be read.</param>
public sealed record DataIntegrityVerificationResult(DataIntegrityFailure? Failure, string? Detail, DataIntegrityProof? Proof)
{
    /// <summary>True when a proof verified.</summary>
    public bool IsValid => Failure is null;

    /// <summary>A successful result for <paramref name="proof"/>.</summary>
    public static DataIntegrityVerificationResult Valid(DataIntegrityProof proof) => new(null, null, proof);

    /// <summary>A failed result.</summary>
    public static DataIntegrityVerificationResult Fail(DataIntegrityFailure failure, string detail, DataIntegrityProof? proof = null) =>
        new(failure, detail, proof);
}
