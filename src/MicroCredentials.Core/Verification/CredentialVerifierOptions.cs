namespace MicroCredentials.Verification;

/// <summary>Tunables of <see cref="CredentialVerifier"/>.</summary>
public sealed record CredentialVerifierOptions
{
    /// <summary>The defaults.</summary>
    public static CredentialVerifierOptions Default { get; } = new();

    /// <summary>
    /// Time one verification may take, measured on the verifier's <see cref="TimeProvider"/>, up to the status check
    /// (status fetches have their own timeout); past it the verdict is <see cref="Verdict.Unreadable"/> with reason
    /// <see cref="VerificationReasons.TooLong"/>. Default <see cref="CoreLimits.VerificationBudget"/> (2 seconds).
    /// </summary>
    public TimeSpan Budget { get; init; } = CoreLimits.VerificationBudget;

    /// <summary>
    /// The validity window of an issuer key by verification method id or JWT <c>kid</c> (after a key rotation:
    /// <see cref="Keys.IssuerKeySet.KeyValidity"/>), or null for a key without one. A credential dated outside its key's
    /// window fails with <see cref="VerificationReasons.KeyRetired"/>. Default null: no windows.
    /// </summary>
    public Func<string, Keys.KeyValidityWindow?>? KeyValidity { get; init; }
}
