using System.Numerics;
using System.Text;

namespace MicroCredentials.Codecs;

/// <summary>
/// Base58 with the Bitcoin alphabet, as multibase <c>z</c> uses it (draft-msporny-base58, STANDARDS §10.2):
/// leading zero bytes become <c>1</c>s.
/// </summary>
public static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] Index = BuildIndex();

    /// <summary>Encodes bytes as base58btc text (without the multibase prefix).</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // Big-endian base-256 to base-58 by repeated division over a digit buffer (inputs here are ≤ 100 bytes).
        var size = ((data.Length - zeros) * 138 / 100) + 1;
        Span<byte> digits = size <= 256 ? stackalloc byte[size] : new byte[size];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 256 * digits[k];
                digits[k] = (byte)(carry % 58);
                carry /= 58;
            }

            length = j;
        }

        var sb = new StringBuilder(zeros + length);
        sb.Append('1', zeros);
        for (var k = size - length; k < size; k++)
        {
            sb.Append(Alphabet[digits[k]]);
        }

        return sb.ToString();
    }

    /// <summary>Decodes base58btc text; returns false on a character outside the alphabet.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = [];
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        BigInteger value = BigInteger.Zero;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128 || Index[c] < 0)
            {
                return false;
            }

            value = (value * 58) + Index[c];
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes = new byte[zeros + body.Length];
        body.CopyTo(bytes, zeros);
        return true;
    }

    private static sbyte[] BuildIndex()
    {
        var index = new sbyte[128];
        Array.Fill(index, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            index[Alphabet[i]] = (sbyte)i;
        }

        return index;
    }
}
