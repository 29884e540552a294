namespace MicroCredentials.Model;

/// <summary>Why text could not be read as credential JSON (<see cref="CredentialJson.TryParse(string)"/>).</summary>
public enum JsonParseFailure
{
    /// <summary>Not well-formed JSON (RFC 8259), or nested deeper than <see cref="CoreLimits.MaxCredentialJsonDepth"/>.</summary>
    NotJson,

    /// <summary>An object repeats a member name (RFC 8259 §4 "SHOULD be unique"; I-JSON forbids it).</summary>
    DuplicateMember,

    /// <summary>A string is not Unicode text: a lone surrogate (<c>\ud800</c>) or bytes that are not UTF-8.</summary>
    InvalidText,

    /// <summary>More than <see cref="CoreLimits.MaxCredentialJsonBytes"/> bytes.</summary>
    TooLarge,

    /// <summary>Well-formed JSON, but not an object.</summary>
    NotAnObject,
}
