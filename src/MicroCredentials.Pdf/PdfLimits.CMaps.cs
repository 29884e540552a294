namespace MicroCredentials.Pdf;

/// <summary>Bounds on the character maps (CMaps) of a PDF's fonts, checked before the PDF library expands them.</summary>
public static partial class PdfLimits
{
    /// <summary>
    /// Most character codes one <c>bfrange</c> or <c>cidrange</c> entry may span: 65,536, a whole two-byte code space.
    /// PdfPig expands a range code by code, so one flipped byte in <c>&lt;0000&gt; &lt;FFFFFFFF&gt;</c> costs gigabytes.
    /// </summary>
    public const long MaxCMapRangeCodes = 65_536;

    /// <summary>Most character codes all ranges of one CMap may span together: 16 two-byte code spaces; ours map a few hundred.</summary>
    public const long MaxCMapTotalCodes = 16 * MaxCMapRangeCodes;

    /// <summary>Most bytes of a stream kept to look for CMap ranges: 256 KiB, far above a CMap of a subset font (a few KiB).</summary>
    public const int MaxCMapScanBytes = 256 * 1024;
}
