namespace MicroCredentials.JsonLd;

/// <summary>
/// A JSON-LD processing error. <see cref="ErrorCode"/> is the error code string of JSON-LD 1.1 Processing
/// Algorithms and API §9.4.2 (<c>JsonLdErrorCode</c>), e.g. <c>"invalid IRI mapping"</c> or
/// <c>"protected term redefinition"</c>; safe mode adds <c>"undefined term"</c> and friends with a <see cref="Path"/>.
/// Message and path carry at most <see cref="CoreLimits.MaxEchoedChars"/> characters of the document's own text each.
/// </summary>
public sealed class JsonLdException : Exception
{
    /// <summary>Creates an exception with an error code and a message.</summary>
    public JsonLdException(string errorCode, string message)
        : this(errorCode, message, null)
    {
    }

    /// <summary>Creates an exception with an error code, a message and the JSON path of the offending property.</summary>
    public JsonLdException(string errorCode, string message, string? path)
        : base(path is null ? $"{errorCode}: {Echo.Bound(message)}" : $"{errorCode}: {Echo.Bound(message)} (at {Echo.Bound(path)})")
    {
        ErrorCode = errorCode;
        Path = Echo.BoundOrNull(path);
    }

    /// <summary>Creates an exception with only a message; the error code is <c>"unknown"</c>.</summary>
    public JsonLdException()
        : this("unknown", "JSON-LD processing failed")
    {
    }

    /// <summary>Creates an exception with only a message; the error code is <c>"unknown"</c>.</summary>
    public JsonLdException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Creates an exception wrapping another one; the error code is <c>"unknown"</c>.</summary>
    public JsonLdException(string message, Exception innerException)
        : base(Echo.Bound(message), innerException)
    {
        ErrorCode = "unknown";
    }

    /// <summary>The JSON-LD error code string (spec §9.4.2), e.g. <c>"loading remote context failed"</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>
    /// In safe mode, the JSON path of the property or value that would have been dropped, e.g.
    /// <c>credentialSubject.achievement.fooBar</c>; otherwise <see langword="null"/>.
    /// </summary>
    public string? Path { get; }
}
