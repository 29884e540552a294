namespace MicroCredentials.Status;

/// <summary>Why a document is not a usable <c>BitstringStatusListCredential</c> (closed set).</summary>
public enum StatusListReadFailure
{
    /// <summary>Read.</summary>
    None = 0,

    /// <summary>Its <c>type</c> lacks <c>BitstringStatusListCredential</c> or its subject is not a <c>BitstringStatusList</c>.</summary>
    NotStatusListCredential,

    /// <summary>A property violates a MUST of §2.2 (MALFORMED_VALUE_ERROR), e.g. no <c>statusPurpose</c>, a bad date or ttl.</summary>
    MalformedValue,

    /// <summary><c>encodedList</c> is not multibase base64url GZIP data.</summary>
    EncodedListInvalid,

    /// <summary>The list has fewer entries than required (STATUS_LIST_LENGTH_ERROR).</summary>
    ListTooShort,

    /// <summary>The list inflates beyond <see cref="Bitstring.MaximumByteLength"/>.</summary>
    ListTooLarge,
}
