using System.Buffers.Binary;

namespace MicroCredentials.Pdf.Tests;

/// <summary>Reads a TrueType 'cmap' format 4 subtable (OpenType spec, cmap §Format 4) to ask: does the font have this character?</summary>
internal static class TrueTypeCmap
{
    public static bool HasGlyph(byte[] font, char c)
    {
        var cmap = TableOffset(font, "cmap");
        var subtables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        for (var i = 0; i < subtables; i++)
        {
            var record = cmap + 4 + i * 8;
            var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record));
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record + 2));
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 4));
            if (((platform == 3 && encoding == 1) || platform == 0) && BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset)) == 4)
            {
                return Format4Glyph(font, offset, c) != 0;
            }
        }
        throw new InvalidOperationException("No Unicode BMP cmap subtable (format 4).");
    }

    private static int TableOffset(byte[] font, string tag)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + i * 16;
            if (System.Text.Encoding.ASCII.GetString(font, record, 4) == tag)
            {
                return (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            }
        }
        throw new InvalidOperationException($"No '{tag}' table.");
    }

    private static int Format4Glyph(byte[] font, int table, char c)
    {
        ushort U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
        var segments = U16(table + 6) / 2;
        var ends = table + 14;
        var starts = ends + segments * 2 + 2;
        var deltas = starts + segments * 2;
        var rangeOffsets = deltas + segments * 2;
        for (var i = 0; i < segments; i++)
        {
            if (U16(ends + i * 2) < c)
            {
                continue;
            }
            var start = U16(starts + i * 2);
            if (start > c)
            {
                return 0;
            }
            var delta = U16(deltas + i * 2);
            var rangeOffset = U16(rangeOffsets + i * 2);
            if (rangeOffset == 0)
            {
                return (c + delta) & 0xFFFF;
            }
            var glyph = U16(rangeOffsets + i * 2 + rangeOffset + 2 * (c - start));
            return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
        }
        return 0;
    }
}
