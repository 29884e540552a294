using System.Buffers.Binary;
using System.IO.Compression;

namespace MicroCredentials.Baking;

/// <summary>
/// The default badge image — a navy and gold seal reading "ECTS" — as PNG (drawn here, pixel by pixel, with 4×4
/// supersampling) and as SVG, so a credential can be baked without an image supplied by the academy.
/// </summary>
public static class DefaultBadge
{
    private const int Size = 256;
    private const int Samples = 4;

    private static readonly Lazy<byte[]> CachedPng = new(() => Render(demo: false));
    private static readonly Lazy<byte[]> CachedDemoPng = new(() => Render(demo: true));

    // "DEMO" for the band across a badge baked with a credential signed by a published demo key.
    private static readonly string[][] DemoLetters =
    [
        ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
    ];

    /// <summary>The red of the DEMO band (its rows <see cref="DemoBandTop"/>..<see cref="DemoBandBottom"/>).</summary>
    public static readonly (byte R, byte G, byte B) DemoRed = (0xB0, 0x00, 0x20);

    /// <summary>First pixel row of the DEMO band.</summary>
    public const int DemoBandTop = 196;

    /// <summary>Pixel row after the DEMO band.</summary>
    public const int DemoBandBottom = 232;

    private static readonly (byte R, byte G, byte B) White = (0xFF, 0xFF, 0xFF);

    // 5×7 glyphs of the four letters, one string per row.
    private static readonly string[][] Letters =
    [
        ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        [".####", "#....", "#....", "#....", "#....", "#....", ".####"],
        ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
    ];

    private static readonly (byte R, byte G, byte B) Navy = (0x1B, 0x2F, 0x4E);
    private static readonly (byte R, byte G, byte B) Gold = (0xA8, 0x86, 0x4B);
    private static readonly (byte R, byte G, byte B) Cream = (0xF7, 0xF1, 0xE4);

    /// <summary>A 256×256 RGBA PNG of the seal.</summary>
    public static byte[] Png() => CachedPng.Value.ToArray();

    /// <summary>
    /// The seal, with a red band reading "DEMO" across its lower part when <paramref name="demo"/> (the credential baked
    /// into it is signed with a published demo key: DESIGN §4, demo keys are never mistaken for real ones).
    /// </summary>
    public static byte[] Png(bool demo) => (demo ? CachedDemoPng : CachedPng).Value.ToArray();

    /// <summary>The same seal as SVG markup (text in the viewer's serif font).</summary>
    public static string Svg() =>
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
          <title>Micro-credential (ECTS)</title>
          <circle cx="128" cy="128" r="124" fill="#1B2F4E"/>
          <circle cx="128" cy="128" r="110" fill="none" stroke="#A8864B" stroke-width="4"/>
          <circle cx="128" cy="128" r="106" fill="#F7F1E4"/>
          <circle cx="128" cy="128" r="97" fill="none" stroke="#A8864B" stroke-width="1.5"/>
          <path d="M128 62 L136 70 L128 78 L120 70 Z M128 178 L136 186 L128 194 L120 186 Z" fill="#A8864B"/>
          <text x="128" y="145" text-anchor="middle" font-family="Noto Serif, Georgia, serif" font-size="50" font-weight="bold" fill="#1B2F4E">ECTS</text>
        </svg>
        """;

    private static byte[] Render(bool demo)
    {
        var raw = new byte[Size * (1 + Size * 4)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * (1 + Size * 4); // filter byte 0 (None) then RGBA pixels
            for (var x = 0; x < Size; x++)
            {
                var (r, g, b, a) = Pixel(x, y, demo);
                raw[row + 1 + x * 4] = r;
                raw[row + 2 + x * 4] = g;
                raw[row + 3 + x * 4] = b;
                raw[row + 4 + x * 4] = a;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, Size);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        return PngChunk.Write([new("IHDR", header), new("IDAT", compressed.ToArray()), new("IEND", [])]);
    }

    /// <summary>Averages the colour of 4×4 sample points (premultiplied), for smooth edges.</summary>
    private static (byte R, byte G, byte B, byte A) Pixel(int x, int y, bool demo)
    {
        double r = 0, g = 0, b = 0, a = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                var (px, py) = (x + (sx + 0.5) / Samples, y + (sy + 0.5) / Samples);
                if ((demo ? DemoSample(px, py) ?? Sample(px, py) : Sample(px, py)) is { } c)
                {
                    r += c.R;
                    g += c.G;
                    b += c.B;
                    a += 1;
                }
            }
        }
        return a == 0 ? ((byte)0, (byte)0, (byte)0, (byte)0)
            : ((byte)(r / a), (byte)(g / a), (byte)(b / a), (byte)Math.Round(255 * a / (Samples * Samples)));
    }

    // The DEMO band: red across the disc between the band rows, with the letters in white.
    private static (byte R, byte G, byte B)? DemoSample(double x, double y)
    {
        var inDisc = Math.Sqrt((x - 128) * (x - 128) + (y - 128) * (y - 128)) <= 124;
        if (!inDisc || y < DemoBandTop || y >= DemoBandBottom)
        {
            return null;
        }

        const int scale = 4;
        const int gap = 6;
        const double width = 4 * 5 * scale + 3 * gap;
        const double left = 128 - width / 2;
        const double top = (DemoBandTop + DemoBandBottom) / 2.0 - 7 * scale / 2.0;
        if (y < top || y >= top + 7 * scale || x < left || x >= left + width)
        {
            return DemoRed;
        }

        var offset = x - left;
        var letter = (int)(offset / (5 * scale + gap));
        var column = (int)((offset - letter * (5 * scale + gap)) / scale);
        var row = (int)((y - top) / scale);
        return letter < 4 && column < 5 && DemoLetters[letter][row][column] == '#' ? White : DemoRed;
    }

    private static (byte R, byte G, byte B)? Sample(double x, double y)
    {
        var d = Math.Sqrt((x - 128) * (x - 128) + (y - 128) * (y - 128));
        return d switch
        {
            > 124 => null,
            > 112 => Navy,
            > 108 => Gold,
            > 98 => Cream,
            > 96.5 => Gold,
            _ => Inner(x, y),
        };
    }

    private static (byte R, byte G, byte B) Inner(double x, double y)
    {
        // Gold diamonds above and below the lettering.
        if (Math.Abs(x - 128) + Math.Abs(y - 70) <= 8 || Math.Abs(x - 128) + Math.Abs(y - 186) <= 8)
        {
            return Gold;
        }
        const int scale = 6;
        const int gap = 9;
        const double width = 4 * 5 * scale + 3 * gap;
        var left = 128 - width / 2;
        var top = 128 - 7 * scale / 2.0;
        if (y < top || y >= top + 7 * scale || x < left || x >= left + width)
        {
            return Cream;
        }
        var offset = x - left;
        var letter = (int)(offset / (5 * scale + gap));
        var column = (int)((offset - letter * (5 * scale + gap)) / scale);
        var rowIndex = (int)((y - top) / scale);
        return letter < 4 && column < 5 && Letters[letter][rowIndex][column] == '#' ? Navy : Cream;
    }
}
