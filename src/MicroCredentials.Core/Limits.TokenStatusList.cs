namespace MicroCredentials;

/// <summary>The bounds that protect the IETF Token Status List reader (STYLE 17).</summary>
public static partial class CoreLimits
{
    /// <summary>
    /// The most bytes a Token Status List <c>lst</c> may inflate to: the same 16 MiB as a Bitstring Status List, so a
    /// zlib bomb stops there (our lists are 16 KiB).
    /// </summary>
    public const int TokenStatusListInflatedBytes = 16 * 1024 * 1024;

    /// <summary>The longest status list token (compact JWT) read, in characters: a 16 KiB list compresses far below 1 MiB.</summary>
    public const int TokenStatusListTokenLength = 1024 * 1024;
}
