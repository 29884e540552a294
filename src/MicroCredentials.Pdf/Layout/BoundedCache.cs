using System.Collections.Concurrent;

namespace MicroCredentials.Pdf.Layout;

/// <summary>
/// A thread-safe cache that holds at most <see cref="Capacity"/> entries and never evicts: once full, values are made
/// afresh for new keys and not kept. For values that are costly to make and the same for every certificate (fonts).
/// </summary>
/// <param name="capacity">Most entries kept (a named bound from <see cref="PdfLimits"/>).</param>
internal sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private int _reserved;

    /// <summary>Most entries kept.</summary>
    public int Capacity => capacity;

    /// <summary>Entries kept now.</summary>
    public int Count => _entries.Count;

    /// <summary>The kept value of <paramref name="key"/>, or a new one from <paramref name="create"/> (kept while there is room).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (_entries.TryGetValue(key, out var kept))
        {
            return kept;
        }
        var value = create(key);
        // A slot is reserved before adding, so concurrent misses cannot take the cache past its capacity.
        if (Interlocked.Increment(ref _reserved) > capacity)
        {
            Interlocked.Decrement(ref _reserved);
            return value;
        }
        if (_entries.TryAdd(key, value))
        {
            return value;
        }
        // Another thread added the key first: give its slot back and use the kept value.
        Interlocked.Decrement(ref _reserved);
        return _entries[key];
    }
}
