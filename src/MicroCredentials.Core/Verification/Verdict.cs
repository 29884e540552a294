namespace MicroCredentials.Verification;

/// <summary>
/// The overall answer to "is this credential genuine and in force?", in the order an employer needs it.
/// Expired is not forged; a status that could not be checked is said as such, never hidden.
/// </summary>
public enum Verdict
{
    /// <summary>Genuine (a valid proof by the issuer's key), in its validity period, neither revoked nor suspended.</summary>
    Valid,

    /// <summary>Genuine, but the status list could not be read: "valid as far as we can tell, status unknown".</summary>
    ValidStatusUnknown,

    /// <summary>Genuine but revoked by the issuer (irreversible).</summary>
    Revoked,

    /// <summary>Genuine but replaced by a corrected credential (revoked, with a successor).</summary>
    Superseded,

    /// <summary>Genuine but temporarily suspended.</summary>
    Suspended,

    /// <summary>Genuine but past its <c>validUntil</c>.</summary>
    Expired,

    /// <summary>Genuine but its <c>validFrom</c> is in the future.</summary>
    NotYetValid,

    /// <summary>Not genuine: no valid proof, a changed value, or a key that is not the issuer's.</summary>
    NotGenuine,

    /// <summary>
    /// Issued (it says) by another issuer, signed with a key that is not ours: this service holds only its own
    /// issuer's keys, so it can neither confirm nor refute the credential. Not an accusation of forgery.
    /// </summary>
    UnknownIssuer,

    /// <summary>Not a credential we can read (not JSON, not a JWT, not an OB 3.0 credential, broken PDF).</summary>
    Unreadable,

    /// <summary>
    /// Not a certificate: a genuine <c>BitstringStatusListCredential</c> of this institution (its proof verifies with our
    /// key and its issuer is us) — the list that records which of its certificates are revoked or suspended.
    /// </summary>
    StatusListCredential,

    /// <summary>
    /// An uploaded PDF whose embedded credential is genuine and in force, but the PDF is not the certificate the
    /// institution issued: it is not sealed with the issuer's seal over the whole file (unsealed, sealed by someone
    /// else, or changed after sealing). What it prints cannot be relied on: compare it with the verification page.
    /// </summary>
    DocumentNotOriginal,
}
