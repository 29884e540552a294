using System.Security.Cryptography;

namespace MicroCredentials.Status;

/// <summary>
/// Picks status list indexes at random (Bitstring Status List §2.1: indexes SHOULD be assigned randomly, so that the
/// position says nothing about when or how many credentials were issued). Pure: the caller says which indexes are
/// taken; storage keeps its own uniqueness constraint and retries on a conflict.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Draw an index uniformly from [0, <see cref="ListSize"/>) with <see cref="RandomNumberGenerator"/>.</item>
/// <item>If the caller's predicate says it is free, return it.</item>
/// <item>After <see cref="MaxAttempts"/> taken draws, report the list full so the caller starts a new list.</item>
/// </list>
/// With the default 32 attempts a list is reported full only once it is roughly 85–90 % used (the chance that 32
/// draws all hit a list filled to fraction f is f³²), which keeps allocation cheap and the lists large.
/// </remarks>
public sealed class StatusIndexAllocator
{
    /// <summary>Default number of random draws before a list is considered full.</summary>
    public const int DefaultMaxAttempts = 32;

    /// <summary>Creates an allocator for lists of <paramref name="listSize"/> entries.</summary>
    /// <param name="listSize">Entries per list; default <see cref="Bitstring.MinimumLength"/>. Must be positive.</param>
    /// <param name="maxAttempts">Random draws per allocation before reporting the list full; default 32.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is zero or negative.</exception>
    public StatusIndexAllocator(int listSize = Bitstring.MinimumLength, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(listSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        ListSize = listSize;
        MaxAttempts = maxAttempts;
    }

    /// <summary>Entries per list.</summary>
    public int ListSize { get; }

    /// <summary>Random draws per allocation before the list is reported full.</summary>
    public int MaxAttempts { get; }

    /// <summary>Allocates a free index.</summary>
    /// <param name="isTaken">True when the index is already used in the current list.</param>
    /// <returns>An index, or <see cref="StatusIndexAllocation.ListFull"/>.</returns>
    public StatusIndexAllocation Allocate(Func<int, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var candidate = RandomNumberGenerator.GetInt32(ListSize);
            if (!isTaken(candidate))
            {
                return StatusIndexAllocation.Allocated(candidate);
            }
        }

        return StatusIndexAllocation.ListFull;
    }

    /// <summary>Allocates a free index when asking whether an index is taken is I/O (a database query).</summary>
    /// <param name="isTaken">True when the index is already used in the current list.</param>
    /// <param name="cancellationToken">Cancels the predicate calls.</param>
    /// <returns>An index, or <see cref="StatusIndexAllocation.ListFull"/>.</returns>
    public async ValueTask<StatusIndexAllocation> AllocateAsync(
        Func<int, CancellationToken, ValueTask<bool>> isTaken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var candidate = RandomNumberGenerator.GetInt32(ListSize);
            if (!await isTaken(candidate, cancellationToken))
            {
                return StatusIndexAllocation.Allocated(candidate);
            }
        }

        return StatusIndexAllocation.ListFull;
    }
}
