using System.Buffers.Text;

namespace MicroCredentials.Jwt;

/// <summary>
/// base64url without padding and without whitespace (RFC 7515 §2): the decoder in the BCL skips whitespace and
/// accepts padding, which a JWS must not contain.
/// </summary>
internal static class StrictBase64Url
{
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
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
}
