namespace MicroCredentials.Status;

/// <summary>The verdict on one <c>credentialStatus</c> entry (closed set).</summary>
public enum StatusCheckOutcome
{
    /// <summary>The bit is 0: not revoked / not suspended.</summary>
    Valid,

    /// <summary>The revocation bit is 1.</summary>
    Revoked,

    /// <summary>The suspension bit is 1.</summary>
    Suspended,

    /// <summary>
    /// Status could not be checked (list unreachable, timed out, expired, or a status type or purpose we do not
    /// evaluate). Says nothing about genuineness; <see cref="StatusCheckResult.LastKnownOutcome"/> may tell what an
    /// earlier copy said.
    /// </summary>
    Unknown,

    /// <summary>The entry or the list is malformed, the purposes differ, the index is out of range, or the list is too short.</summary>
    Invalid,

    /// <summary>The status list credential's own proof did not verify.</summary>
    ProofInvalid,
}
