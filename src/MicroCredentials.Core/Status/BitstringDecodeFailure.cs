namespace MicroCredentials.Status;

/// <summary>Why an <c>encodedList</c> could not be decoded (closed set).</summary>
public enum BitstringDecodeFailure
{
    /// <summary>Decoded.</summary>
    None = 0,

    /// <summary>Not a multibase base64url string (missing <c>u</c> prefix or characters outside base64url).</summary>
    NotMultibaseBase64Url,

    /// <summary>The bytes are not GZIP (RFC 1952) or the compressed data is corrupt.</summary>
    NotGzip,

    /// <summary>Fewer bits than the required minimum (STATUS_LIST_LENGTH_ERROR).</summary>
    TooShort,

    /// <summary>Inflates beyond <see cref="Bitstring.MaximumByteLength"/> (decompression bomb guard).</summary>
    TooLarge,
}
