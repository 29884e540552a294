using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MicroCredentials.Baking;

namespace MicroCredentials.Host.Tests.Fuzz;

internal sealed partial class FuzzGenerator
{
    /// <summary>Bytes a decompression bomb inflates to: far above any sane cap (a credential is ~10 KB), small enough for a shared machine.</summary>
    public const int BombInflatedBytes = 128 * 1024 * 1024;

    private static readonly Lazy<byte[]> ZlibBomb = new(() => Compress(BombInflatedBytes, zlib: true));

    private static readonly string[] JsonClassesForFiles =
        ["json-type-confusion", "json-delete", "json-duplicate-member", "jsonld-keyword", "jsonld-context", "json-proof", "json-lone-surrogate", "json-rewrite"];

    private static byte[] Compress(int spaces, bool zlib)
    {
        using var output = new MemoryStream();
        using (Stream compressor = zlib ? new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true) : new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            block.AsSpan().Fill((byte)' ');
            for (var written = 0; written < spaces; written += block.Length)
            {
                compressor.Write(block, 0, Math.Min(block.Length, spaces - written));
            }
        }

        return output.ToArray();
    }

    private string MutatedCredentialText(Random rng) => rng.Next(3) == 0
        ? Encoding.UTF8.GetString(JwtCase(rng, Pick(rng, ["jwt-header", "jwt-payload", "jwt-bitflip"])))
        : JsonText(rng, Pick(rng, JsonClassesForFiles));

    private byte[] PdfCase(Random rng, string cls) => cls switch
    {
        "pdf-truncate" => Truncate(rng, genuine.Pdf),
        "pdf-bitflip" => rng.Next(3) == 0 ? Overwrite(rng, genuine.Pdf) : FlipBits(rng, genuine.Pdf, 1 + rng.Next(8)),
        "pdf-append" => [.. genuine.Pdf, .. Encoding.ASCII.GetBytes(Pick(rng, [
            "\n% appended\n", "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
            "\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev 0 >>\nstartxref\n0\n%%EOF\n"]))],
        "pdf-bomb" => BombPdf(rng.Next(2) == 0),
        _ => throw new ArgumentOutOfRangeException(nameof(cls), cls, "not a PDF class"),
    };

    private static byte[] Overwrite(Random rng, byte[] bytes)
    {
        var copy = bytes.ToArray();
        var length = 1 + rng.Next(64);
        rng.NextBytes(copy.AsSpan(rng.Next(copy.Length - length), length));
        return copy;
    }

    // A small, well-formed PDF whose attachment "credential.json" (or page content) is a FlateDecode bomb.
    private static byte[] BombPdf(bool attachment)
    {
        var bomb = ZlibBomb.Value;
        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\n");
            if (stream is not null)
            {
                Write("stream\n");
                pdf.Write(stream);
                Write("\nendstream\n");
            }

            Write("endobj\n");
        }

        Write("%PDF-1.7\n%\u00e2\u00e3\n");
        Object("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(credential.json) 4 0 R] >> >> >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object(attachment ? "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" : "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>");
        Object("<< /Type /Filespec /F (credential.json) /UF (credential.json) /EF << /F 5 0 R >> >>");
        Object($"<< {(attachment ? "/Type /EmbeddedFile /Subtype /application#2Fjson " : "")}/Filter /FlateDecode /Length {bomb.Length} >>", bomb);
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private byte[] PngCase(Random rng, string cls) => cls switch
    {
        "png-truncate" => Truncate(rng, genuine.Png),
        "png-bitflip" => FlipBits(rng, genuine.Png, 1 + rng.Next(8)),
        "png-chunk" => PngChunk(rng),
        "png-bomb" => rng.Next(2) == 0
            ? InsertAfterIhdr(genuine.Png, Chunk("iTXt", [.. "openbadgecredential\0"u8, 1, 0, 0, 0, .. ZlibBomb.Value]))
            : InsertBeforeIend(DefaultBadge.Png(), Chunk("iTXt", [.. "openbadgecredential\0"u8, 1, 0, 0, 0, .. ZlibBomb.Value])),
        _ => throw new ArgumentOutOfRangeException(nameof(cls), cls, "not a PNG class"),
    };

    private byte[] PngChunk(Random rng)
    {
        var forged = MutatedCredentialText(rng);
        switch (rng.Next(7))
        {
            case 0:
                return BakePng(forged);
            case 1:
                var extra = Chunk("iTXt", [.. "openbadgecredential\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(forged)]);
                return rng.Next(2) == 0 ? InsertBeforeIend(genuine.Png, extra) : InsertAfterIhdr(genuine.Png, extra);
            case 2:
                byte[] flags = rng.Next(3) switch { 0 => [1, 0], 1 => [2, 0], _ => [1, 5] };
                return InsertBeforeIend(DefaultBadge.Png(), Chunk("iTXt", [.. "openbadgecredential\0"u8, .. flags, 0, 0, .. Encoding.UTF8.GetBytes(genuine.Json)]));
            case 3:
                var keyword = Pick(rng, ["openbadges", "OpenBadgeCredential", "openbadgecredential ", "", new string('k', 80)]);
                return InsertBeforeIend(DefaultBadge.Png(), Chunk("iTXt", [.. Encoding.Latin1.GetBytes(keyword + "\0\0\0\0\0"), .. Encoding.UTF8.GetBytes(genuine.Json)]));
            case 4:
            {
                var copy = genuine.Png.ToArray();
                BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(8 + 8 + 13 + 4), Pick(rng, [0xFFFFFFFFu, 0x7FFFFFFFu, 0x80000000u, 5_000_000u]));
                return copy;
            }

            case 5:
                return rng.Next(3) switch
                {
                    0 => genuine.Png[..^12],
                    1 => [.. genuine.Png, .. Encoding.ASCII.GetBytes("garbage after IEND")],
                    _ => [.. genuine.Png[..8], .. Chunk("iTXt", [.. "openbadgecredential\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(forged)]), .. genuine.Png[8..]],
                };
            default:
                return InsertBeforeIend(DefaultBadge.Png(), Chunk("tEXt", [.. "openbadgecredential\0"u8, .. Encoding.UTF8.GetBytes(forged)]));
        }
    }

    // Where the baked <openbadges:credential> element starts and ends (it is self-closing when it carries a JWS).
    private static (int Start, int End) CredentialElement(string svg)
    {
        var start = svg.IndexOf("<openbadges:credential", StringComparison.Ordinal);
        var close = svg.IndexOf("</openbadges:credential>", start, StringComparison.Ordinal);
        return (start, close >= 0 ? close + 24 : svg.IndexOf("/>", start, StringComparison.Ordinal) + 2);
    }

    // Our baker refuses text that is neither JSON nor a JWS; an attacker's tool does not, so fall back to raw placement.
    private static byte[] BakePng(string credential)
    {
        try
        {
            return PngBaker.Bake(DefaultBadge.Png(), credential);
        }
        catch (ArgumentException)
        {
            return InsertBeforeIend(DefaultBadge.Png(), Chunk("iTXt", [.. "openbadgecredential\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(credential)]));
        }
    }

    private string BakeSvg(string credential)
    {
        try
        {
            return SvgBaker.Bake(DefaultBadge.Svg(), credential);
        }
        catch (ArgumentException)
        {
            var start = genuine.Svg.IndexOf("<![CDATA[", StringComparison.Ordinal) + 9;
            return genuine.Svg[..start] + credential + genuine.Svg[genuine.Svg.IndexOf("]]>", start, StringComparison.Ordinal)..];
        }
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] InsertBeforeIend(byte[] png, byte[] chunk) => [.. png[..^12], .. chunk, .. png[^12..]];

    private static byte[] InsertAfterIhdr(byte[] png, byte[] chunk) => [.. png[..33], .. chunk, .. png[33..]];

    private byte[] SvgCase(Random rng, string cls)
    {
        var svg = rng.Next(3) == 0 ? genuine.SvgJwt : genuine.Svg;
        return cls switch
        {
            "svg-truncate" => Truncate(rng, Encoding.UTF8.GetBytes(svg)),
            "svg-bitflip" => FlipBits(rng, Encoding.UTF8.GetBytes(svg), 1 + rng.Next(8)),
            "svg-xml" => SvgXml(rng, svg),
            _ => throw new ArgumentOutOfRangeException(nameof(cls), cls, "not an SVG class"),
        };
    }

    private byte[] SvgXml(Random rng, string svg)
    {
        var root = svg.IndexOf("<svg", StringComparison.Ordinal);
        var afterRoot = svg.IndexOf('>', root) + 1;
        var close = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        var (credentialStart, credentialEnd) = CredentialElement(svg);
        switch (rng.Next(10))
        {
            case 0:
                const string Laughs = "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                    + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                    + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>";
                return Encoding.UTF8.GetBytes(svg[..root] + Laughs + svg[root..afterRoot] + "<text>&h;</text>" + svg[afterRoot..]);
            case 1:
                var xxe = $"<!DOCTYPE svg [<!ENTITY x SYSTEM \"{Pick(rng, ["file:///etc/passwd", "http://127.0.0.1:1/", "https://169.254.169.254/"])}\">]>";
                return Encoding.UTF8.GetBytes(svg[..root] + xxe + svg[root..afterRoot] + "<text>&x;</text>" + svg[afterRoot..]);
            case 2:
                var depth = rng.Next(20) == 0 ? 40_000 : Pick(rng, [100, 1_000, 5_000]);
                return Encoding.UTF8.GetBytes(svg[..close] + string.Concat(Enumerable.Repeat("<g>", depth)) + string.Concat(Enumerable.Repeat("</g>", depth)) + svg[close..]);
            case 3:
                var forgedSvg = BakeSvg(MutatedCredentialText(rng));
                var (forgedStart, forgedEnd) = CredentialElement(forgedSvg);
                var forged = forgedSvg[forgedStart..forgedEnd];
                return Encoding.UTF8.GetBytes(rng.Next(2) == 0
                    ? svg[..credentialStart] + forged + svg[credentialStart..]
                    : svg[..credentialEnd] + forged + svg[credentialEnd..]);
            case 4:
                return Encoding.UTF8.GetBytes(BakeSvg(MutatedCredentialText(rng)));
            case 5:
                return Encoding.UTF8.GetBytes(svg[..(root + 4)] + " data-x=\"" + new string('x', Pick(rng, [100_000, 1_000_000, 3_000_000])) + "\"" + svg[(root + 4)..]);
            case 6:
                var cdata = svg.IndexOf("<![CDATA[", StringComparison.Ordinal);
                return cdata < 0
                    ? Encoding.UTF8.GetBytes(svg.Insert(credentialStart, "<![CDATA[ stray ]]>"))
                    : Encoding.UTF8.GetBytes(svg.Insert(cdata + 9 + rng.Next(Math.Max(1, credentialEnd - cdata - 9)), Pick(rng, ["]]>", "]]><![CDATA[", "<!--", "\0"])));
            case 7:
                return Encoding.UTF8.GetBytes(svg.Replace("https://purl.imsglobal.org/ob/v3p0", Pick(rng, ["https://evil.example/ob", "", "https://purl.imsglobal.org/ob/v3p0/"]), StringComparison.Ordinal));
            case 8:
                return rng.Next(2) == 0
                    ? Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + svg[root..])
                    : Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(svg)).ToArray();
            default:
                return Encoding.UTF8.GetBytes(svg[..afterRoot] + "<?php evil ?><!-- " + new string('-', 10) + " -->" + string.Concat(Enumerable.Repeat("<x:y xmlns:x=\"urn:x\"/>", 1_000)) + svg[afterRoot..]);
        }
    }
}
