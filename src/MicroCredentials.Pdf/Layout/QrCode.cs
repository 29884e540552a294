namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// A QR code encoder for what a certificate prints (ISO/IEC 18004:2015): an ASCII text (the verification URL) in byte
/// mode at error correction level M, versions 1 to <see cref="PdfLimits.MaxFastQrVersion"/>, the mask chosen by the
/// standard's penalty rules (§7.8.3). It does the same work as QRCoder for these small symbols in a fraction of the
/// time (QRCoder builds each of the eight masked symbols through bit arrays and lists); a longer or non-ASCII text is
/// left to QRCoder (<see cref="TryEncode"/> returns null).
/// </summary>
internal static class QrCode
{
    // Per version 1–10 at level M (ISO/IEC 18004 Table 9): error correction codewords per block, and the blocks as
    // (count, data codewords) of the first and second group.
    private static readonly (int Ec, int Blocks1, int Data1, int Blocks2, int Data2)[] LevelM =
    [
        (10, 1, 16, 0, 0), (16, 1, 28, 0, 0), (26, 1, 44, 0, 0), (18, 2, 32, 0, 0), (24, 2, 43, 0, 0),
        (16, 4, 27, 0, 0), (18, 4, 31, 0, 0), (22, 2, 38, 2, 39), (22, 3, 36, 2, 37), (26, 4, 43, 1, 44),
    ];

    // Centre rows/columns of the alignment patterns (Annex E), versions 2–10 (version 1 has none).
    private static readonly int[][] Alignment =
    [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ];

    private static readonly byte[] Exp = new byte[512];
    private static readonly byte[] Log = new byte[256];

    static QrCode()
    {
        // GF(256) with the QR field polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D).
        var value = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)value;
            Log[value] = (byte)i;
            value <<= 1;
            if (value >= 256)
            {
                value ^= 0x11D;
            }
        }
        for (var i = 255; i < Exp.Length; i++)
        {
            Exp[i] = Exp[i - 255];
        }
    }

    /// <summary>
    /// The symbol of <paramref name="text"/> (true = dark), without quiet zone, in the smallest version that holds it;
    /// null when the text is not ASCII or does not fit version <see cref="PdfLimits.MaxFastQrVersion"/>.
    /// </summary>
    public static bool[,]? TryEncode(string text)
    {
        if (text.Length > PdfLimits.MaxFastQrChars)
        {
            return null;
        }
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return null;
            }
        }
        for (var version = 1; version <= PdfLimits.MaxFastQrVersion; version++)
        {
            var (ec, blocks1, data1, blocks2, data2) = LevelM[version - 1];
            var capacity = blocks1 * data1 + blocks2 * data2;
            var countBits = version < 10 ? 8 : 16;
            if (4 + countBits + 8 * text.Length <= 8 * capacity)
            {
                var data = DataCodewords(text, countBits, capacity);
                return Symbol(version, Interleave(data, ec, blocks1, data1, blocks2, data2));
            }
        }
        return null;
    }

    private static byte[] DataCodewords(string text, int countBits, int capacity)
    {
        var bits = new BitWriter(capacity);
        bits.Append(0b0100, 4); // byte mode
        bits.Append(text.Length, countBits);
        foreach (var c in text)
        {
            bits.Append(c, 8);
        }
        bits.Append(0, Math.Min(4, 8 * capacity - bits.Length)); // terminator
        bits.Append(0, (8 - bits.Length % 8) % 8);
        for (var pad = 0; bits.Length < 8 * capacity; pad++)
        {
            bits.Append(pad % 2 == 0 ? 0xEC : 0x11, 8);
        }
        return bits.Bytes;
    }

    private static byte[] Interleave(byte[] data, int ec, int blocks1, int data1, int blocks2, int data2)
    {
        var blocks = new List<byte[]>();
        var offset = 0;
        for (var i = 0; i < blocks1 + blocks2; i++)
        {
            var length = i < blocks1 ? data1 : data2;
            blocks.Add(data[offset..(offset + length)]);
            offset += length;
        }
        var generator = Generator(ec);
        var corrections = blocks.Select(block => Remainder(block, generator)).ToList();
        var result = new List<byte>(data.Length + ec * blocks.Count);
        for (var i = 0; i < Math.Max(data1, data2); i++)
        {
            result.AddRange(blocks.Where(block => i < block.Length).Select(block => block[i]));
        }
        for (var i = 0; i < ec; i++)
        {
            result.AddRange(corrections.Select(correction => correction[i]));
        }
        return [.. result];
    }

    /// <summary>The generator polynomial of degree <paramref name="degree"/>, highest coefficient (1) left out.</summary>
    private static byte[] Generator(int degree)
    {
        var result = new byte[degree];
        result[degree - 1] = 1;
        var root = 1;
        for (var i = 0; i < degree; i++)
        {
            // Multiply by (x - α^i).
            for (var j = 0; j < degree; j++)
            {
                result[j] = Multiply(result[j], (byte)root);
                if (j + 1 < degree)
                {
                    result[j] ^= result[j + 1];
                }
            }
            root = Multiply((byte)root, 2);
        }
        return result;
    }

    private static byte[] Remainder(byte[] data, byte[] generator)
    {
        var result = new byte[generator.Length];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ result[0]);
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] ^= Multiply(generator[i], factor);
            }
        }
        return result;
    }

    private static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    private static bool[,] Symbol(int version, byte[] codewords)
    {
        var size = 17 + 4 * version;
        var dark = new bool[size, size];
        var function = new bool[size, size];
        void Set(int row, int column, bool value)
        {
            dark[row, column] = value;
            function[row, column] = true;
        }

        // Timing patterns, then the finders with their separators, the alignment patterns and the dark module.
        for (var i = 0; i < size; i++)
        {
            Set(6, i, i % 2 == 0);
            Set(i, 6, i % 2 == 0);
        }
        foreach (var (row, column) in new[] { (3, 3), (3, size - 4), (size - 4, 3) })
        {
            for (var dy = -4; dy <= 4; dy++)
            {
                for (var dx = -4; dx <= 4; dx++)
                {
                    var (y, x) = (row + dy, column + dx);
                    if (y >= 0 && y < size && x >= 0 && x < size)
                    {
                        var ring = Math.Max(Math.Abs(dy), Math.Abs(dx));
                        Set(y, x, ring != 2 && ring != 4);
                    }
                }
            }
        }
        var centres = Alignment[version - 1];
        foreach (var row in centres)
        {
            foreach (var column in centres)
            {
                // None over a finder: the three corners that hold one.
                if ((row == 6 && column == 6) || (row == 6 && column == centres[^1]) || (row == centres[^1] && column == 6))
                {
                    continue;
                }
                for (var dy = -2; dy <= 2; dy++)
                {
                    for (var dx = -2; dx <= 2; dx++)
                    {
                        Set(row + dy, column + dx, Math.Max(Math.Abs(dy), Math.Abs(dx)) != 1);
                    }
                }
            }
        }
        // Reserve the format and version areas (written per mask below).
        WriteFormat(dark, function, size, 0);
        if (version >= 7)
        {
            WriteVersion(dark, function, size, version);
        }

        // Codewords in the two-column zigzag from the bottom right, skipping the vertical timing column (§7.7.3).
        var bit = 0;
        for (var right = size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }
            for (var vertical = 0; vertical < size; vertical++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var column = right - j;
                    var upward = ((right + 1) & 2) == 0;
                    var row = upward ? size - 1 - vertical : vertical;
                    if (function[row, column])
                    {
                        continue;
                    }
                    if (bit < codewords.Length * 8)
                    {
                        dark[row, column] = ((codewords[bit >> 3] >> (7 - (bit & 7))) & 1) != 0;
                    }
                    bit++;
                }
            }
        }

        // The mask with the lowest penalty (the first of equals).
        bool[,]? best = null;
        var bestPenalty = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            var candidate = (bool[,])dark.Clone();
            ApplyMask(candidate, function, size, mask);
            WriteFormat(candidate, function, size, mask);
            var penalty = Penalty(candidate, size);
            if (penalty < bestPenalty)
            {
                (best, bestPenalty) = (candidate, penalty);
            }
        }
        return best!;
    }

    private static void ApplyMask(bool[,] dark, bool[,] function, int size, int mask)
    {
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                if (function[i, j])
                {
                    continue;
                }
                var flip = mask switch
                {
                    0 => (i + j) % 2 == 0,
                    1 => i % 2 == 0,
                    2 => j % 3 == 0,
                    3 => (i + j) % 3 == 0,
                    4 => (i / 2 + j / 3) % 2 == 0,
                    5 => i * j % 2 + i * j % 3 == 0,
                    6 => (i * j % 2 + i * j % 3) % 2 == 0,
                    _ => ((i + j) % 2 + i * j % 3) % 2 == 0,
                };
                dark[i, j] ^= flip;
            }
        }
    }

    /// <summary>The 15-bit format information (level M = 00, the mask), BCH-coded and XOR-masked (§7.9).</summary>
    private static void WriteFormat(bool[,] dark, bool[,] function, int size, int mask)
    {
        var data = mask; // level M's two bits are 00
        var remainder = data;
        for (var i = 0; i < 10; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        }
        var bits = ((data << 10) | remainder) ^ 0x5412;
        bool Bit(int i) => ((bits >> i) & 1) != 0;
        void Set(int row, int column, bool value)
        {
            dark[row, column] = value;
            function[row, column] = true;
        }

        for (var i = 0; i <= 5; i++)
        {
            Set(i, 8, Bit(i));
        }
        Set(7, 8, Bit(6));
        Set(8, 8, Bit(7));
        Set(8, 7, Bit(8));
        for (var i = 9; i < 15; i++)
        {
            Set(8, 14 - i, Bit(i));
        }
        for (var i = 0; i < 8; i++)
        {
            Set(8, size - 1 - i, Bit(i));
        }
        for (var i = 8; i < 15; i++)
        {
            Set(size - 15 + i, 8, Bit(i));
        }
        Set(size - 8, 8, true); // the dark module
    }

    /// <summary>The 18-bit version information (versions 7 and up), BCH-coded, in both corners (§7.10).</summary>
    private static void WriteVersion(bool[,] dark, bool[,] function, int size, int version)
    {
        var remainder = version;
        for (var i = 0; i < 12; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
        }
        var bits = (version << 12) | remainder;
        for (var i = 0; i < 18; i++)
        {
            var value = ((bits >> i) & 1) != 0;
            var (a, b) = (size - 11 + i % 3, i / 3);
            dark[a, b] = value;
            dark[b, a] = value;
            function[a, b] = true;
            function[b, a] = true;
        }
    }

    /// <summary>The penalty score of a masked symbol (§7.8.3.1: runs, 2×2 blocks, finder-like patterns, dark balance).</summary>
    internal static int Penalty(bool[,] dark, int size)
    {
        // 1:1:3:1:1 dark-light-dark with four light modules after it, or before it, as the last 11 modules of a line.
        const int finderThenLight = 0b10111010000;
        const int lightThenFinder = 0b00001011101;
        var penalty = 0;
        var darkCount = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < size; i++)
            {
                var run = 0;
                var previous = false;
                var window = 0;
                for (var j = 0; j < size; j++)
                {
                    var value = pass == 0 ? dark[i, j] : dark[j, i];
                    if (j > 0 && value == previous)
                    {
                        run++;
                    }
                    else
                    {
                        penalty += run >= 5 ? run - 2 : 0;
                        run = 1;
                        previous = value;
                    }
                    window = ((window << 1) | (value ? 1 : 0)) & 0x7FF;
                    if (j >= 10 && (window == finderThenLight || window == lightThenFinder))
                    {
                        penalty += 40;
                    }
                    if (pass == 0)
                    {
                        darkCount += value ? 1 : 0;
                        if (i + 1 < size && j + 1 < size && value == dark[i + 1, j] && value == dark[i, j + 1] && value == dark[i + 1, j + 1])
                        {
                            penalty += 3;
                        }
                    }
                }
                penalty += run >= 5 ? run - 2 : 0;
            }
        }
        var total = size * size;
        // 10 points for each full 5 % the dark share is away from 50 %.
        var deviation = Math.Abs(darkCount * 20 - total * 10);
        penalty += deviation / total * 10;
        return penalty;
    }

    /// <summary>Bits appended most significant first into whole codewords.</summary>
    private sealed class BitWriter(int capacity)
    {
        public byte[] Bytes { get; } = new byte[capacity];

        public int Length { get; private set; }

        public void Append(int value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                if (((value >> i) & 1) != 0)
                {
                    Bytes[Length >> 3] |= (byte)(0x80 >> (Length & 7));
                }
                Length++;
            }
        }
    }
}
