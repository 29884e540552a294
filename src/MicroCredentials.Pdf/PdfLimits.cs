namespace MicroCredentials.Pdf;

/// <summary>
/// Bounds on reading an uploaded PDF (STYLE 17). Our certificate is ~100 KB with two pages, about 30 streams and two
/// ~10 KB attachments, so each bound is far above it and far below what a hostile file would need to exhaust the host.
/// </summary>
public static partial class PdfLimits
{
    /// <summary>Largest PDF read: 8 MiB, 80 times our certificate (the host's upload limit is usually lower).</summary>
    public const int MaxPdfBytes = 8 * 1024 * 1024;

    /// <summary>Most streams in one file: ours has ~30; 2,048 stops a file that is all streams.</summary>
    public const int MaxStreams = 2048;

    /// <summary>Most bytes any one stream may inflate to: 4 MiB, above our largest (an embedded font subset).</summary>
    public const int MaxStreamInflatedBytes = 4 * 1024 * 1024;

    /// <summary>Most bytes all streams together may inflate to: 16 MiB, so no file makes us hold more.</summary>
    public const long MaxTotalInflatedBytes = 16L * 1024 * 1024;

    /// <summary>Deepest nesting of arrays and dictionaries: ours nests 5; 32 keeps PdfPig's recursive parser shallow.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Largest embedded credential file: 1 MiB, about a hundred credentials.</summary>
    public const int MaxAttachmentBytes = 1024 * 1024;

    /// <summary>Most entries walked in the embedded-files name tree: ours has 2.</summary>
    public const int MaxAttachmentEntries = 64;

    /// <summary>Most pages whose text is compared with the rebuilt certificate: ours has 2; a longer file is not ours.</summary>
    public const int MaxComparedPages = 8;
}
