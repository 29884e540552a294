using System.Globalization;
using System.Text;

namespace MicroCredentials.Host.Tests.Pages;

/// <summary>
/// A minimal PDF written by hand, as a scanner or a "print to PDF" leaves a certificate: pages of Helvetica text lines
/// and JPEG images (DCTDecode), no embedded files.
/// </summary>
internal static class TestPdf
{
    /// <summary>One page: its text lines and its JPEG images, in drawing order.</summary>
    public sealed record Page(IReadOnlyList<string> Lines, IReadOnlyList<byte[]> Jpegs);

    public static byte[] Build(IReadOnlyList<Page> pages)
    {
        var objects = new List<byte[]>();
        int Add(byte[] body)
        {
            objects.Add(body);
            return objects.Count;
        }

        static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
        var catalog = Add([]);
        var pagesId = Add([]);
        var font = Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        var kids = new List<int>();
        foreach (var page in pages)
        {
            var images = page.Jpegs.Select(j => Add(Image(j))).ToList();
            var content = new StringBuilder("BT /F1 12 Tf 50 800 Td 14 TL\n");
            foreach (var line in page.Lines)
            {
                content.Append('(').Append(line.Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)).Append(") ' \n");
            }

            content.Append("ET\n");
            for (var i = 0; i < images.Count; i++)
            {
                content.Append(CultureInfo.InvariantCulture, $"q 120 0 0 120 {40 + i % 4 * 130} {500 - i / 4 * 130} cm /Im{i} Do Q\n");
            }

            var stream = Ascii(content.ToString());
            var contents = Add([.. Ascii($"<< /Length {stream.Length} >>\nstream\n"), .. stream, .. Ascii("\nendstream")]);
            var xobjects = string.Concat(images.Select((id, i) => $"/Im{i} {id} 0 R "));
            kids.Add(Add(Ascii($"<< /Type /Page /Parent {pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> /XObject << {xobjects}>> >> /Contents {contents} 0 R >>")));
        }

        objects[catalog - 1] = Ascii($"<< /Type /Catalog /Pages {pagesId} 0 R >>");
        objects[pagesId - 1] = Ascii($"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");

        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.7\n%\u00e2\u00e3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Image(byte[] jpeg)
    {
        // The frame header (SOF0) gives the size the image dictionary must state.
        var i = 2;
        while (!(jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0))
        {
            i++;
        }

        var height = (jpeg[i + 5] << 8) | jpeg[i + 6];
        var width = (jpeg[i + 7] << 8) | jpeg[i + 8];
        var head = Encoding.ASCII.GetBytes(
            $"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n");
        return [.. head, .. jpeg, .. Encoding.ASCII.GetBytes("\nendstream")];
    }
}
