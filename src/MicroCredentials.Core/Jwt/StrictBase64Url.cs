using System.Buffers;
using System.Buffers.Text;

namespace MicroCredentials.Jwt;

/// <summary>
/// base64url without padding and without whitespace (RFC 7515 §2): the decoder in the BCL skips whitespace and
/// accepts padding, which a JWS must not contain. Non-canonical encodings (unused low bits of the last character set,
/// RFC 4648 §3.5) are rejected too, so one token has exactly one spelling.
/// </summary>
internal static class StrictBase64Url
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1)
        {
            return false;
        }

        if (text.ContainsAnyExcept(Alphabet))
        {
            return false;
        }

        // With 2 or 3 characters in the last quantum, the low 4 or 2 bits of the last character carry no data.
        var unusedBits = (text.Length % 4) switch { 2 => 0x0F, 3 => 0x03, _ => 0 };
        if (unusedBits != 0 && (SextetOf(text[^1]) & unusedBits) != 0)
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static int SextetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
