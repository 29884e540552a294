using System.Collections.Concurrent;
using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// Serves the Noto Serif and Noto Sans faces and the script fallback faces (<see cref="Text.ScriptFonts"/>) shipped
/// inside this assembly (SIL OFL 1.1 and Apache 2.0, see Fonts/OFL.txt and Fonts/Apache-2.0.txt), so a
/// certificate renders the same on a bare machine as on a desktop. PDFsharp on Linux has no platform font lookup.
/// </summary>
internal sealed class CertificateFontResolver : IFontResolver
{
    /// <summary>Family name of the serif face (names, titles, body).</summary>
    public const string Serif = "Noto Serif";

    /// <summary>Family name of the sans face (labels, small print).</summary>
    public const string Sans = "Noto Sans";

    private static readonly Lock RegistrationLock = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>
    /// The PDFsharp fonts made so far, shared by every certificate and thread: an <see cref="XFont"/> is immutable once
    /// made (a glyph typeface and a size), while making one takes PDFsharp's global font lock and a typeface lookup.
    /// </summary>
    internal static BoundedCache<(string Family, double Size, XFontStyleEx Style), XFont> Fonts { get; } = new(PdfLimits.MaxCachedFonts);

    /// <summary>Installs the resolver once; throws when another resolver was installed first.</summary>
    public static void EnsureRegistered()
    {
        lock (RegistrationLock)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new CertificateFontResolver();
                    break;
                case CertificateFontResolver:
                    break;
                default:
                    throw new InvalidOperationException(
                        "Another PDFsharp font resolver is installed; the certificate needs its own embedded fonts.");
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var (face, hasBold) = familyName switch
        {
            Serif when bold => ("NotoSerif-Bold", true),
            Serif when italic => ("NotoSerif-Italic", true),
            Serif => ("NotoSerif-Regular", true),
            Sans when bold => ("NotoSans-Bold", true),
            Sans => ("NotoSans-Regular", true),
            Text.ScriptFonts.Arabic => (bold ? "NotoNaskhArabic-Bold" : "NotoNaskhArabic-Regular", true),
            Text.ScriptFonts.Hebrew => (bold ? "NotoSansHebrew-Bold" : "NotoSansHebrew-Regular", true),
            Text.ScriptFonts.Thai => (bold ? "NotoSansThai-Bold" : "NotoSansThai-Regular", true),
            Text.ScriptFonts.Devanagari => (bold ? "NotoSansDevanagari-Bold" : "NotoSansDevanagari-Regular", true),
            // The other Indic subsets have one weight: bold is simulated.
            Text.ScriptFonts.Bengali or Text.ScriptFonts.Gurmukhi or Text.ScriptFonts.Gujarati or Text.ScriptFonts.Tamil
                or Text.ScriptFonts.Telugu or Text.ScriptFonts.Kannada or Text.ScriptFonts.Malayalam
                => (familyName.Replace(" ", "", StringComparison.Ordinal) + "-Regular", false),
            // The CJK and Hangul subsets have one weight: bold is simulated (PDFsharp strokes the outline).
            Text.ScriptFonts.Cjk => ("DroidSansFallback-Cjk", false),
            Text.ScriptFonts.Hangul => ("MCHangul-Regular", false),
            _ => ((string?)null, false),
        };
        if (face is null)
        {
            return null;
        }
        // Only Noto Serif ships an italic; elsewhere (and for bold italic) the slant is simulated rather than failing.
        var simulateItalic = italic && (bold || familyName != Serif);
        return new FontResolverInfo(face, mustSimulateBold: bold && !hasBold, mustSimulateItalic: simulateItalic);
    }

    /// <summary>The face (file name without .ttf) PDFsharp draws <paramref name="familyName"/> with: the same bytes HarfBuzz shapes.</summary>
    public static string FaceName(string familyName, bool bold) =>
        new CertificateFontResolver().ResolveTypeface(familyName, bold, italic: false)?.FaceName
            ?? throw new ArgumentException($"No face for {familyName}.", nameof(familyName));

    /// <summary>The PDFsharp font of <paramref name="family"/> at <paramref name="size"/> points, Unicode-encoded (kept in <see cref="Fonts"/>).</summary>
    public static XFont Font(string family, double size, XFontStyleEx style)
        => Fonts.GetOrAdd((family, size, style), static key =>
        {
            EnsureRegistered();
            return new XFont(key.Family, key.Size, key.Style, Unicode);
        });

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => FaceBytes(faceName);

    /// <summary>The bytes of an embedded face (cached).</summary>
    public static byte[] FaceBytes(string faceName) => Faces.GetOrAdd(faceName, static name =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Fonts/{name}.ttf")
            ?? throw new InvalidOperationException($"Font resource Fonts/{name}.ttf is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });
}
