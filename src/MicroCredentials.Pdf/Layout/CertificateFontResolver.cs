using System.Collections.Concurrent;
using System.Reflection;
using PdfSharp.Fonts;

namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// Serves the Noto Serif and Noto Sans faces shipped inside this assembly (SIL OFL 1.1, see Fonts/OFL.txt), so a
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
        var face = familyName switch
        {
            Serif when bold => "NotoSerif-Bold",
            Serif when italic => "NotoSerif-Italic",
            Serif => "NotoSerif-Regular",
            Sans when bold => "NotoSans-Bold",
            Sans => "NotoSans-Regular",
            _ => null,
        };
        // Bold italic is not shipped: simulate the slant on the bold face rather than fail.
        return face is null ? null : new FontResolverInfo(face, mustSimulateBold: false, mustSimulateItalic: bold && italic);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, static name =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Fonts/{name}.ttf")
            ?? throw new InvalidOperationException($"Font resource Fonts/{name}.ttf is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });
}
