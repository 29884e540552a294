using System.IO.Compression;
using System.Text;

namespace MicroCredentials.Host.Tests;

public sealed partial class HostApiTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task VerifyApi_DeeplyNestedSvg_IsUnreadableWithReason()
    {
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">"""
            + string.Concat(Enumerable.Repeat("<g>", 100_000)) + string.Concat(Enumerable.Repeat("</g>", 100_000)) + "</svg>";

        var answer = await VerifyAsync(Encoding.UTF8.GetBytes(svg), "image/svg+xml");

        Assert.That((string?)answer["verdict"], Is.EqualTo("unreadable"), answer.ToJsonString());
        Assert.That((string?)answer["checks"]![0]!["detail"], Does.Contain("deeper than"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task VerifyApi_PdfWithAttachmentBomb_IsUnreadableWithReason()
    {
        var answer = await VerifyAsync(AttachmentBombPdf(512L * 1024 * 1024), "application/pdf");

        Assert.That((string?)answer["verdict"], Is.EqualTo("unreadable"), answer.ToJsonString());
        Assert.That((string?)answer["checks"]![0]!["detail"], Does.Contain("decompression bomb"));
    }

    /// <summary>A one-page PDF whose FlateDecode credential.json inflates to <paramref name="inflated"/> bytes of spaces.</summary>
    private static byte[] AttachmentBombPdf(long inflated)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var left = inflated; left > 0; left -= block.Length)
            {
                zlib.Write(block, 0, (int)Math.Min(left, block.Length));
            }
        }
        var data = compressed.ToArray();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(credential.json) 4 0 R] >> >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Type /Filespec /F (credential.json) /EF << /F 5 0 R >> >>",
        ];
        using var output = new MemoryStream();
        var offsets = new List<long>();
        output.Write("%PDF-1.7\n"u8);
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }
        offsets.Add(output.Position);
        output.Write(Encoding.ASCII.GetBytes($"5 0 obj\n<< /Type /EmbeddedFile /Filter /FlateDecode /Length {data.Length} >>\nstream\n"));
        output.Write(data);
        output.Write("\nendstream\nendobj\n"u8);
        var xref = output.Position;
        var table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        offsets.ForEach(o => table.Append($"{o:D10} 00000 n \n"));
        table.Append($"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }
}
