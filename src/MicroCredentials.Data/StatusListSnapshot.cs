using MicroCredentials.Status;

namespace MicroCredentials.Data;

/// <summary>A consistent view of one status list: its metadata and the indexes whose bit is set.</summary>
/// <param name="Info">The list's metadata; <see cref="StatusListInfo.Version"/> matches <paramref name="SetIndexes"/>.</param>
/// <param name="SetIndexes">Indexes whose bit is 1, ascending.</param>
public sealed record StatusListSnapshot(StatusListInfo Info, IReadOnlyList<int> SetIndexes)
{
    /// <summary>
    /// The list as a Core <see cref="Bitstring"/> (index 0 = most significant bit of byte 0, Bitstring Status List
    /// v1.0 §2.2); call <see cref="Bitstring.Encode"/> for <c>encodedList</c>.
    /// </summary>
    /// <returns>A new bitstring of <see cref="StatusListInfo.Size"/> bits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The list is smaller than <see cref="Bitstring.MinimumLength"/> (test-sized lists).</exception>
    public Bitstring ToBitstring()
    {
        var bits = new Bitstring(Info.Size);
        foreach (var index in SetIndexes)
        {
            bits.Set(index, true);
        }

        return bits;
    }
}
