namespace MicroCredentials;

/// <summary>
/// Bounds on the readers of uploaded files (baked PNG and SVG badges). A credential is about 10 KB, so every cap here
/// is generous for genuine input and stops decompression bombs, chunk floods and deeply nested markup early.
/// </summary>
public static partial class CoreLimits
{
    /// <summary>Largest credential text taken from a baked image (characters or bytes): 1 MiB, about 100 credentials.</summary>
    public const int MaxBakedCredentialBytes = 1024 * 1024;

    /// <summary>Most PNG chunks read before giving up: a 5 MiB PNG split in the customary 8 KiB IDAT chunks has ~640.</summary>
    public const int MaxPngChunks = 4096;

    /// <summary>Most characters of SVG markup read (XmlReader's MaxCharactersInDocument): 8 Mi, above the upload size.</summary>
    public const long MaxSvgCharacters = 8L * 1024 * 1024;

    /// <summary>Deepest SVG element nesting read: real badges nest a few groups; 64 levels refuses nesting bombs early.</summary>
    public const int MaxSvgDepth = 64;
}
