using System.Numerics;

namespace MicroCredentials.Status;

/// <summary>
/// The bitstring of a W3C Bitstring Status List v1.0 (§2.2, §7.1): a fixed number of bits where index 0 is the
/// left-most bit, i.e. the most significant bit of byte 0 (mask <c>0x80 &gt;&gt; (i % 8)</c> on byte <c>i / 8</c>).
/// </summary>
/// <remarks>
/// A list we create has at least <see cref="MinimumLength"/> bits (16 KiB, the herd-privacy minimum of §3.2) and a
/// whole number of bytes. A list read with <see cref="Decode"/> is as long as its decompressed bytes. Not safe for
/// concurrent writers; a list held in a cache is frozen and refuses <see cref="Set"/>.
/// </remarks>
public sealed partial class Bitstring
{
    /// <summary>The minimum number of entries of a status list (§3.2 <c>minimumNumberOfEntries</c>): 131,072.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>
    /// The largest uncompressed list accepted, 16 MiB (134,217,728 bits): the guard against decompression bombs.
    /// </summary>
    public const int MaximumByteLength = 16 * 1024 * 1024;

    private readonly byte[] bytes;
    private bool frozen;

    /// <summary>Creates an all-zero bitstring (every entry "valid").</summary>
    /// <param name="length">Number of bits; default and minimum <see cref="MinimumLength"/>; a multiple of 8.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> is below <see cref="MinimumLength"/>, not a multiple of 8, or above
    /// <see cref="MaximumByteLength"/> bytes.
    /// </exception>
    public Bitstring(int length = MinimumLength)
    {
        if (length < MinimumLength || length % 8 != 0 || length / 8 > MaximumByteLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"A status list has a multiple of 8 bits, at least {MinimumLength} and at most {MaximumByteLength} bytes.");
        }

        bytes = new byte[length / 8];
    }

    private Bitstring(byte[] bytes) => this.bytes = bytes;

    /// <summary>Number of bits (entries of one bit).</summary>
    public int Length => bytes.Length * 8;

    /// <summary>The raw bytes, first byte first.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>Reads the bit at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="Length"/>).</exception>
    public bool Get(int index)
    {
        CheckIndex(index);
        return (bytes[index >> 3] & (0x80 >> (index & 7))) != 0;
    }

    /// <summary>Sets or clears the bit at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="Length"/>).</exception>
    /// <exception cref="InvalidOperationException">The bitstring is frozen (shared by a cache).</exception>
    public void Set(int index, bool value)
    {
        CheckIndex(index);
        if (frozen)
        {
            throw new InvalidOperationException("This bitstring is shared read-only; copy it with Clone() to change it.");
        }

        var mask = (byte)(0x80 >> (index & 7));
        if (value)
        {
            bytes[index >> 3] |= mask;
        }
        else
        {
            bytes[index >> 3] &= (byte)~mask;
        }
    }

    /// <summary>Number of bits set.</summary>
    public int CountSetBits()
    {
        var count = 0;
        foreach (var b in bytes)
        {
            count += BitOperations.PopCount(b);
        }

        return count;
    }

    /// <summary>The indexes of all set bits, in increasing order.</summary>
    public IReadOnlyList<int> SetIndexes()
    {
        var result = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            // Skip zero bytes quickly: most of a status list is zero.
            if (bytes[i] == 0)
            {
                continue;
            }

            for (var bit = 0; bit < 8; bit++)
            {
                if ((bytes[i] & (0x80 >> bit)) != 0)
                {
                    result.Add((i * 8) + bit);
                }
            }
        }

        return result;
    }

    /// <summary>A writable copy.</summary>
    public Bitstring Clone() => new((byte[])bytes.Clone());

    /// <summary>Makes this instance read-only (used when a decoded list is shared through a cache).</summary>
    internal Bitstring Freeze()
    {
        frozen = true;
        return this;
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Length} entries.");
        }
    }
}
