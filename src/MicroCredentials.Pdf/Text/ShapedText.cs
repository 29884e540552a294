using System.Collections.Concurrent;
using HarfBuzzSharp;
using MicroCredentials.Pdf.Layout;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace MicroCredentials.Pdf.Text;

/// <summary>
/// OpenType shaping with HarfBuzz (HarfBuzzSharp) of the runs whose script needs it (<see cref="ScriptFonts.IsShaped"/>):
/// the glyphs a word is drawn with — Arabic joining forms and ligatures, conjuncts, half forms, reph, reordered vowel
/// signs, harakat, Hebrew points and Thai marks placed by GPOS — with their advances and offsets, from the same font
/// bytes PDFsharp embeds, so the glyph ids agree.
/// </summary>
internal static class ShapedText
{
    /// <summary>One shaped glyph; lengths in em (multiply by the font size for points).</summary>
    /// <param name="Id">Glyph id in the face.</param>
    /// <param name="Cluster">UTF-16 index of the first character of the glyph's cluster in the shaped text.</param>
    /// <param name="Advance">Horizontal advance after shaping.</param>
    /// <param name="OffsetX">Horizontal offset from the pen position (right is positive).</param>
    /// <param name="OffsetY">Vertical offset from the baseline (up is positive).</param>
    /// <param name="AtNominalAdvance">True when <see cref="Advance"/> equals the face's own advance for the glyph (hmtx),
    /// which is how a PDF viewer advances after drawing it.</param>
    internal readonly record struct Glyph(ushort Id, int Cluster, double Advance, double OffsetX, double OffsetY, bool AtNominalAdvance);

    // The blob and face are kept with the font so that nothing HarfBuzz reads is released while the face is cached.
    private sealed record Face(Blob Blob, HarfBuzzSharp.Face HbFace, HbFont Font, double UnitsPerEm, Dictionary<uint, int> Characters);

    private static readonly ConcurrentDictionary<string, Face> Faces = new(StringComparer.Ordinal);

    // The language is fixed, not taken from the process locale, so the same text shapes the same on every machine.
    private static readonly Language Undetermined = new("und");

    /// <summary>
    /// Shapes <paramref name="text"/> (one word in logical order, no line breaks) in the face <paramref name="faceName"/>.
    /// The glyphs come in visual order, left to right, whatever the direction: for a right-to-left word (Arabic, Hebrew)
    /// HarfBuzz returns the last character's glyph first.
    /// </summary>
    /// <param name="text">The word, as signed (logical order).</param>
    /// <param name="faceName">The face, as <see cref="CertificateFontResolver.FaceName"/> names it.</param>
    /// <param name="rightToLeft">Shape right to left (a run at an odd bidi level, <see cref="BidiOrder"/>).</param>
    /// <exception cref="ArgumentException">The word is longer than <see cref="PdfLimits.MaxShapedWordChars"/>.</exception>
    public static Glyph[] Shape(string text, string faceName, bool rightToLeft = false)
    {
        if (text.Length > PdfLimits.MaxShapedWordChars)
        {
            throw new ArgumentException($"A shaped word has at most {PdfLimits.MaxShapedWordChars} characters.", nameof(text));
        }
        var face = FaceOf(faceName);
        using var buffer = new HbBuffer();
        buffer.AddUtf16(text);
        buffer.Language = Undetermined;
        buffer.GuessSegmentProperties();
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        face.Font.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphs = new Glyph[infos.Length];
        for (var i = 0; i < infos.Length; i++)
        {
            var id = infos[i].Codepoint;
            var advance = positions[i].XAdvance;
            glyphs[i] = new Glyph((ushort)id, (int)infos[i].Cluster, advance / face.UnitsPerEm, positions[i].XOffset / face.UnitsPerEm,
                positions[i].YOffset / face.UnitsPerEm, advance == face.Font.GetHorizontalGlyphAdvance(id));
        }
        return glyphs;
    }

    /// <summary>Width in em of <paramref name="text"/> shaped in <paramref name="faceName"/>.</summary>
    public static double Width(string text, string faceName, bool rightToLeft = false) => Shape(text, faceName, rightToLeft).Sum(g => g.Advance);

    /// <summary>
    /// The character a glyph stands for on its own (the face's character map read backwards), or null for a glyph no
    /// character maps to (a conjunct, a half form, a reph, an Arabic ligature the face has no presentation form for).
    /// A joining form the face also maps from its Arabic presentation form (U+FE70…) is that presentation form.
    /// </summary>
    public static int? CharacterOf(string faceName, ushort glyph) =>
        FaceOf(faceName).Characters.TryGetValue(glyph, out var c) ? c : null;

    private static Face FaceOf(string faceName) => Faces.GetOrAdd(faceName, static name =>
    {
        var blob = DuplicatedBlob(CertificateFontResolver.FaceBytes(name));
        var hbFace = new HarfBuzzSharp.Face(blob, 0);
        var font = new HbFont(hbFace);
        var unitsPerEm = hbFace.UnitsPerEm;
        font.SetScale(unitsPerEm, unitsPerEm);
        var characters = new Dictionary<uint, int>();
        // The shipped subsets hold one script's blocks (for Arabic and Hebrew their presentation forms too) plus spaces
        // and joiners (see Fonts/OFL.txt): read the basic plane back, the first character of a glyph winning (a letter
        // before its presentation form).
        foreach (var c in Enumerable.Range(0x20, 0x10000 - 0x20))
        {
            if (font.TryGetGlyph((uint)c, out var glyph))
            {
                characters.TryAdd(glyph, c);
            }
        }
        return new Face(blob, hbFace, font, unitsPerEm, characters);
    });

    /// <summary>
    /// A blob that owns a copy of <paramref name="bytes"/>: HarfBuzz reads the font long after this call, and a managed
    /// array (what <c>Blob.FromStream</c> hands over, pinned only during the call) may be moved by the garbage collector.
    /// </summary>
    private static unsafe Blob DuplicatedBlob(byte[] bytes)
    {
        fixed (byte* data = bytes)
        {
            return new Blob((IntPtr)data, bytes.Length, MemoryMode.Duplicate);
        }
    }
}
