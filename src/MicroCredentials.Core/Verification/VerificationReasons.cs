namespace MicroCredentials.Verification;

/// <summary>The stable reason codes of <see cref="VerificationCheck.Reason"/> (pages translate them; APIs return them).</summary>
public static class VerificationReasons
{
    /// <summary>The check passed.</summary>
    public const string Ok = "ok";

    /// <summary>Not JSON, not a JWT, or not an OB 3.0 credential.</summary>
    public const string Malformed = "malformed";

    /// <summary>The JSON Schema check failed.</summary>
    public const string SchemaInvalid = "schema_invalid";

    /// <summary>
    /// <c>credentialStatus</c> is an array: allowed by VC 2.0, not by the OB 3.0 schema (a warning: other OB verifiers
    /// reject the credential, ours still checks it).
    /// </summary>
    public const string SchemaStatusArray = "schema_status_array";

    /// <summary>No proof at all.</summary>
    public const string NoProof = "no_proof";

    /// <summary>The signature does not match the content: something was changed.</summary>
    public const string SignatureInvalid = "signature_invalid";

    /// <summary>The proof is malformed or uses an unsupported suite or algorithm.</summary>
    public const string ProofUnsupported = "proof_unsupported";

    /// <summary>The key is not one the issuer publishes.</summary>
    public const string UnknownKey = "unknown_key";

    /// <summary>Another issuer's credential, signed with a key of that issuer: not one this service can check.</summary>
    public const string UnknownIssuer = "unknown_issuer";

    /// <summary>The check was not run because an earlier one failed (e.g. no status fetch for an unconfirmed credential).</summary>
    public const string NotChecked = "not_checked";

    /// <summary>The JWT claims do not match the credential.</summary>
    public const string ClaimsMismatch = "claims_mismatch";

    /// <summary>Revoked by the issuer.</summary>
    public const string Revoked = "revoked";

    /// <summary>Suspended by the issuer.</summary>
    public const string Suspended = "suspended";

    /// <summary>The status list could not be fetched (last known status reported).</summary>
    public const string StatusUnreachable = "status_unreachable";

    /// <summary>The status list or entry is invalid.</summary>
    public const string StatusInvalid = "status_invalid";

    /// <summary>No status entry: nothing to check.</summary>
    public const string NoStatus = "no_status";

    /// <summary>Past <c>validUntil</c>.</summary>
    public const string Expired = "expired";

    /// <summary>Before <c>validFrom</c>.</summary>
    public const string NotYetValid = "not_yet_valid";

    /// <summary>A proof made for another purpose than <c>assertionMethod</c>: it does not say the issuer issued the credential.</summary>
    public const string WrongPurpose = "wrong_purpose";

    /// <summary>The document is a status list credential, not a certificate.</summary>
    public const string StatusListCredential = "status_list_credential";

    /// <summary>The verification used up its time budget.</summary>
    public const string TooLong = "too_long";

    /// <summary>Signed with one of the published demo keys of <c>keys.example/</c>: anyone could have signed it.</summary>
    public const string DemoKey = "demo_key";

    /// <summary>
    /// Signed with a key of the issuer, but dated outside that key's validity window: after its retirement by a key
    /// rotation (or before it came into use). A retired or leaked key cannot make new credentials.
    /// </summary>
    public const string KeyRetired = "key_retired";
}
