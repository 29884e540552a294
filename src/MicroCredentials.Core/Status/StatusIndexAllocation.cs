namespace MicroCredentials.Status;

/// <summary>The result of <see cref="StatusIndexAllocator"/>: an index, or the signal that the list is full.</summary>
public sealed record StatusIndexAllocation
{
    private StatusIndexAllocation(bool isListFull, int index)
    {
        IsListFull = isListFull;
        Index = index;
    }

    /// <summary>The list has no free index left to find: start a new list and allocate there.</summary>
    public static StatusIndexAllocation ListFull { get; } = new(true, -1);

    /// <summary>True when no index was found; <see cref="Index"/> is then -1.</summary>
    public bool IsListFull { get; }

    /// <summary>The allocated index (≥ 0), or -1 when <see cref="IsListFull"/>.</summary>
    public int Index { get; }

    /// <summary>A successful allocation.</summary>
    internal static StatusIndexAllocation Allocated(int index) => new(false, index);
}
