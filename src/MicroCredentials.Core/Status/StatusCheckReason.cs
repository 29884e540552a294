namespace MicroCredentials.Status;

/// <summary>Why a status check ended <see cref="StatusCheckOutcome.Unknown"/>, <see cref="StatusCheckOutcome.Invalid"/>
/// or <see cref="StatusCheckOutcome.ProofInvalid"/> (closed set; Bitstring Status List §3.5 codes in brackets).</summary>
public enum StatusCheckReason
{
    /// <summary>Checked: the outcome is Valid, Revoked or Suspended.</summary>
    None = 0,

    /// <summary>Unknown: the list could not be retrieved (network, HTTP error, not JSON) [STATUS_RETRIEVAL_ERROR].</summary>
    ListUnreachable,

    /// <summary>Unknown: the list server did not answer in time [STATUS_RETRIEVAL_ERROR].</summary>
    ListTimeout,

    /// <summary>Unknown: the response exceeded the size limit [STATUS_RETRIEVAL_ERROR].</summary>
    ListResponseTooLarge,

    /// <summary>Unknown: the list credential is outside its validFrom/validUntil period.</summary>
    ListNotCurrent,

    /// <summary>Unknown: the entry's type is not <c>BitstringStatusListEntry</c> (e.g. <c>1EdTechRevocationList</c>).</summary>
    UnsupportedStatusType,

    /// <summary>Unknown: a purpose other than revocation or suspension (refresh, message).</summary>
    UnsupportedStatusPurpose,

    /// <summary>Unknown: <c>statusSize</c> other than 1.</summary>
    UnsupportedStatusSize,

    /// <summary>Invalid: the entry lacks or mangles a required property [MALFORMED_VALUE_ERROR].</summary>
    EntryMalformed,

    /// <summary>Invalid: the list document is not a usable status list credential [MALFORMED_VALUE_ERROR].</summary>
    ListMalformed,

    /// <summary>Invalid: the list has fewer than 131,072 entries [STATUS_LIST_LENGTH_ERROR].</summary>
    ListTooShort,

    /// <summary>Invalid: the list's statusPurpose does not include the entry's [STATUS_VERIFICATION_ERROR].</summary>
    PurposeMismatch,

    /// <summary>Invalid: the index is beyond the end of the list [RANGE_ERROR].</summary>
    IndexOutOfRange,

    /// <summary>Invalid: the list was issued by someone other than the credential's issuer.</summary>
    IssuerMismatch,

    /// <summary>ProofInvalid: the list credential's proof did not verify [STATUS_VERIFICATION_ERROR].</summary>
    ProofInvalid,
}
