using System.IO.Compression;
using System.Text;

namespace MicroCredentials.Baking;

/// <summary>
/// Bakes an Open Badges 3.0 credential into a PNG and extracts it (OB 3.0 "Baking" — PNG): one <c>iTXt</c> chunk
/// with keyword <c>openbadgecredential</c>, no compression, empty language tag and translated keyword, whose text is
/// the compact JWS or the credential JSON.
/// </summary>
public static class PngBaker
{
    /// <summary>
    /// Returns <paramref name="png"/> with <paramref name="credential"/> baked in. An image that is already baked has
    /// its credential replaced, never a second chunk added (OB 3.0: there must be at most one).
    /// </summary>
    /// <param name="png">The badge image.</param>
    /// <param name="credential">A compact JWS (VC-JWT) or the credential JSON with its embedded proof.</param>
    /// <exception cref="ArgumentException">The image is not a well-formed PNG, or the credential is neither JSON nor a JWS.</exception>
    public static byte[] Bake(ReadOnlySpan<byte> png, string credential)
    {
        BakingTerms.RequireCredential(credential);
        var chunks = PngChunk.Parse(png) ?? throw new ArgumentException("The image is not a well-formed PNG file.", nameof(png));
        chunks.RemoveAll(IsBadgeChunk);
        // Right after IHDR: readers that stop early (and the 1EdTech validator) find it first.
        chunks.Insert(1, new PngChunk("iTXt", ITxtData(credential)));
        return PngChunk.Write(chunks);
    }

    /// <summary>
    /// Reads the credential from the first <c>iTXt</c> chunk with keyword <c>openbadgecredential</c>. A compressed
    /// chunk (which bakers must not write) is still read.
    /// </summary>
    public static BadgeExtraction Extract(ReadOnlySpan<byte> png)
    {
        var chunks = PngChunk.Parse(png);
        if (chunks is null)
        {
            return new BadgeExtraction(BadgeExtractionStatus.Malformed, null);
        }
        var chunk = chunks.FirstOrDefault(IsBadgeChunk);
        if (chunk is null)
        {
            return new BadgeExtraction(BadgeExtractionStatus.NotBaked, null);
        }
        var text = ReadText(chunk.Data);
        return text is null
            ? new BadgeExtraction(BadgeExtractionStatus.Malformed, null)
            : new BadgeExtraction(BadgeExtractionStatus.Found, text);
    }

    private static bool IsBadgeChunk(PngChunk chunk)
    {
        if (chunk.Type != "iTXt")
        {
            return false;
        }
        var end = Array.IndexOf(chunk.Data, (byte)0);
        return end == BakingTerms.PngKeyword.Length
            && Encoding.Latin1.GetString(chunk.Data, 0, end) == BakingTerms.PngKeyword;
    }

    /// <summary>keyword NUL, compression flag 0, method 0, language tag "" NUL, translated keyword "" NUL, UTF-8 text (PNG §11.3.4.5).</summary>
    private static byte[] ITxtData(string credential)
    {
        var keyword = Encoding.Latin1.GetBytes(BakingTerms.PngKeyword);
        var text = Encoding.UTF8.GetBytes(credential);
        var data = new byte[keyword.Length + 5 + text.Length];
        keyword.CopyTo(data, 0);
        // data[keyword.Length .. +5] stay zero: NUL, flag 0, method 0, empty language NUL, empty translation NUL.
        text.CopyTo(data, keyword.Length + 5);
        return data;
    }

    private static string? ReadText(byte[] data)
    {
        var at = BakingTerms.PngKeyword.Length + 1;
        if (data.Length < at + 2)
        {
            return null;
        }
        var compressed = data[at] == 1;
        at += 2;
        var languageEnd = Array.IndexOf(data, (byte)0, at);
        var translatedEnd = languageEnd < 0 ? -1 : Array.IndexOf(data, (byte)0, languageEnd + 1);
        if (translatedEnd < 0)
        {
            return null;
        }
        var text = data.AsSpan(translatedEnd + 1);
        if (!compressed)
        {
            return Encoding.UTF8.GetString(text);
        }
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(text.ToArray()), CompressionMode.Decompress);
            using var reader = new StreamReader(inflate, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
