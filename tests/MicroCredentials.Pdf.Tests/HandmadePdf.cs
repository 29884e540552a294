using System.IO.Compression;
using System.Text;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Writes small PDFs byte by byte (catalog, one page, an optional <c>credential.json</c> attachment, extra streams and
/// objects, a correct cross-reference table), so that tests can build exactly the hostile file they need.
/// </summary>
internal static class HandmadePdf
{
    /// <summary>One extra stream object: its dictionary entries (e.g. <c>/Filter /FlateDecode</c>) and raw data.</summary>
    public sealed record Stream(string Entries, byte[] Data);

    /// <summary>Builds the file.</summary>
    /// <param name="attachment">The attachment's raw stream data and filter entries, or null for none.</param>
    /// <param name="contents">Streams used as page 1's content.</param>
    /// <param name="extraStreams">Streams no page uses (counted and measured all the same).</param>
    /// <param name="extraObject">One more object's body, e.g. a deeply nested array.</param>
    public static byte[] Build(Stream? attachment = null, IReadOnlyList<Stream>? contents = null, IReadOnlyList<Stream>? extraStreams = null,
        string? extraObject = null)
    {
        contents ??= [];
        extraStreams ??= [];
        var objects = new List<byte[]>();
        var contentRefs = string.Join(' ', contents.Select((_, i) => $"{6 + i} 0 R"));
        var names = attachment is null ? string.Empty : " /Names << /EmbeddedFiles << /Names [(credential.json) 4 0 R] >> >>";
        objects.Add(Ascii($"<< /Type /Catalog /Pages 2 0 R{names} >>"));
        objects.Add(Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents [{contentRefs}] >>"));
        objects.Add(Ascii("<< /Type /Filespec /F (credential.json) /UF (credential.json) /EF << /F 5 0 R >> >>"));
        objects.Add(attachment is null ? Ascii("<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream") : StreamObject(attachment with { Entries = "/Type /EmbeddedFile " + attachment.Entries }));
        objects.AddRange(contents.Select(StreamObject));
        objects.AddRange(extraStreams.Select(StreamObject));
        if (extraObject is not null)
        {
            objects.Add(Ascii(extraObject));
        }

        using var output = new MemoryStream();
        output.Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write("\nendobj\n"u8);
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    /// <summary>A FlateDecode stream whose data inflates to <paramref name="length"/> bytes: <paramref name="head"/>, then spaces.</summary>
    public static Stream Deflated(long length, string head = "")
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var start = Encoding.UTF8.GetBytes(head);
            zlib.Write(start);
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var left = length - start.Length; left > 0; left -= block.Length)
            {
                zlib.Write(block, 0, (int)Math.Min(left, block.Length));
            }
        }
        return new Stream("/Filter /FlateDecode", compressed.ToArray());
    }

    /// <summary>An unfiltered stream.</summary>
    public static Stream Plain(byte[] data) => new(string.Empty, data);

    private static byte[] StreamObject(Stream stream)
    {
        using var output = new MemoryStream();
        output.Write(Ascii($"<< {stream.Entries} /Length {stream.Data.Length} >>\nstream\n"));
        output.Write(stream.Data);
        output.Write("\nendstream"u8);
        return output.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
