using System.Buffers.Text;
using System.IO.Compression;

namespace MicroCredentials.Status;

/// <summary>
/// An IETF Token Status List (draft-ietf-oauth-status-list §4): <see cref="Bits"/> bits per token, token 0 in the
/// least significant bits of byte 0 (the opposite of the W3C Bitstring's order), zlib-compressed and base64url as
/// <c>lst</c>. Values: 0 valid, 1 invalid, 2 suspended.
/// </summary>
public sealed class TokenStatusList
{
    /// <summary>The status of a token that is valid.</summary>
    public const int Valid = 0;

    /// <summary>The status of a token that is revoked.</summary>
    public const int Invalid = 1;

    /// <summary>The status of a token that is suspended (needs <see cref="Bits"/> ≥ 2).</summary>
    public const int Suspended = 2;

    private readonly byte[] bytes;

    private TokenStatusList(int bits, byte[] bytes)
    {
        Bits = bits;
        this.bytes = bytes;
    }

    /// <summary>Bits per token: 1, 2, 4 or 8.</summary>
    public int Bits { get; }

    /// <summary>How many tokens the list holds.</summary>
    public int Count => bytes.Length * 8 / Bits;

    /// <summary>A list of all-valid statuses.</summary>
    /// <param name="bits">1, 2, 4 or 8.</param>
    /// <param name="count">How many tokens; rounded up to whole bytes.</param>
    public static TokenStatusList Create(int bits, int count)
    {
        CheckBits(bits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new TokenStatusList(bits, new byte[(int)(((long)count * bits + 7) / 8)]);
    }

    /// <summary>
    /// The Token Status List derived from our status records: revoked (bit set in the revocation bitstring) is
    /// <see cref="Invalid"/>; with a suspension record and 2 bits, suspended is <see cref="Suspended"/>. The same index
    /// names the same credential in both, so one status record drives both lists.
    /// </summary>
    /// <param name="revocation">The revocation bitstring (Bitstring Status List order).</param>
    /// <param name="suspension">The suspension record at the same indexes, or null for a 1-bit list.</param>
    public static TokenStatusList FromBitstrings(Bitstring revocation, Bitstring? suspension = null)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        var list = Create(suspension is null ? 1 : 2, revocation.Length);
        foreach (var index in revocation.SetIndexes())
        {
            list.Set(index, Invalid);
        }

        if (suspension is not null)
        {
            foreach (var index in suspension.SetIndexes().Where(i => i < revocation.Length && !revocation.Get(i)))
            {
                list.Set(index, Suspended);
            }
        }

        return list;
    }

    /// <summary>The status at a token index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list.</exception>
    public int Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var bitOffset = (long)index * Bits;
        return (bytes[bitOffset / 8] >> (int)(bitOffset % 8)) & Mask;
    }

    /// <summary>Sets the status at a token index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list or the value does not fit in <see cref="Bits"/>.</exception>
    public void Set(int index, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Mask);
        var bitOffset = (long)index * Bits;
        var shift = (int)(bitOffset % 8);
        ref var b = ref bytes[bitOffset / 8];
        b = (byte)((b & ~(Mask << shift)) | (value << shift));
    }

    /// <summary>The raw bytes (before compression).</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The <c>lst</c>: zlib (highest compression, as the draft recommends), base64url.</summary>
    public string Encode()
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return Base64Url.EncodeToString(output.ToArray());
    }

    /// <summary>Reads a <c>status_list</c>'s <c>bits</c> and <c>lst</c>; null (and a reason) when they are not a list.</summary>
    /// <param name="bits">The <c>bits</c> member.</param>
    /// <param name="lst">The <c>lst</c> member.</param>
    /// <param name="error">Why it was refused, or null.</param>
    public static TokenStatusList? TryDecode(int bits, string lst, out string? error)
    {
        ArgumentNullException.ThrowIfNull(lst);
        error = null;
        if (bits is not (1 or 2 or 4 or 8))
        {
            error = "bits must be 1, 2, 4 or 8";
            return null;
        }

        if (!Jwt.StrictBase64Url.TryDecode(lst, out var compressed))
        {
            error = "lst is not base64url";
            return null;
        }

        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (inflated.Length + read > CoreLimits.TokenStatusListInflatedBytes)
                {
                    error = $"lst inflates to more than {CoreLimits.TokenStatusListInflatedBytes} bytes";
                    return null;
                }

                inflated.Write(buffer, 0, read);
            }

            if (inflated.Length == 0)
            {
                error = "lst is empty";
                return null;
            }

            return new TokenStatusList(bits, inflated.ToArray());
        }
        catch (InvalidDataException)
        {
            error = "lst is not zlib data";
            return null;
        }
    }

    private int Mask => (1 << Bits) - 1;

    private static void CheckBits(int bits)
    {
        if (bits is not (1 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "bits must be 1, 2, 4 or 8.");
        }
    }
}
