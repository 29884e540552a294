using System.Text;

namespace MicroCredentials.Baking;

/// <summary>
/// Bakes an Open Badges 3.0 credential into a PNG and extracts it (OB 3.0 "Baking" — PNG): one <c>iTXt</c> chunk
/// with keyword <c>openbadgecredential</c>, no compression, empty language tag and translated keyword, whose text is
/// the compact JWS or the credential JSON.
/// </summary>
public static partial class PngBaker
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

    private static bool IsBadgeChunk(PngChunk chunk) => chunk.Type == "iTXt" && IsBadgeText(chunk.Data);

    /// <summary>True when iTXt data starts with the keyword <c>openbadgecredential</c> and its NUL.</summary>
    private static bool IsBadgeText(ReadOnlySpan<byte> data) =>
        data.Length > BakingTerms.PngKeyword.Length && data[BakingTerms.PngKeyword.Length] == 0
        && Encoding.Latin1.GetString(data[..BakingTerms.PngKeyword.Length]) == BakingTerms.PngKeyword;

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
}
