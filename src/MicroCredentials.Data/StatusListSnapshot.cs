namespace MicroCredentials.Data;

/// <summary>A consistent view of one status list: its metadata and the indexes whose bit is set.</summary>
/// <param name="Info">The list's metadata; <see cref="StatusListInfo.Version"/> matches <paramref name="SetIndexes"/>.</param>
/// <param name="SetIndexes">Indexes whose bit is 1, ascending.</param>
public sealed record StatusListSnapshot(StatusListInfo Info, IReadOnlyList<int> SetIndexes)
{
    /// <summary>
    /// The uncompressed bitstring (Bitstring Status List v1.0 §3.1): <c>Size / 8</c> bytes, index 0 the most significant
    /// bit of byte 0. GZIP and multibase-encode it to get <c>encodedList</c>.
    /// </summary>
    /// <returns>A new array.</returns>
    public byte[] ToBitstring()
    {
        var bits = new byte[Info.Size / 8];
        foreach (var index in SetIndexes)
        {
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        }

        return bits;
    }
}
