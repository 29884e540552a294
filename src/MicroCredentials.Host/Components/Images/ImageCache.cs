using System.Collections.Concurrent;

namespace MicroCredentials.Host.Components.Images;

/// <summary>
/// Drawn images (certificate previews, badges) kept in memory by key, at most <c>capacity</c> of them: when full, the
/// oldest half is dropped, so memory stays bounded however many credentials are viewed.
/// </summary>
internal sealed class ImageCache(int capacity)
{
    private readonly ConcurrentDictionary<string, (long Order, byte[] Bytes)> entries = new(StringComparer.Ordinal);
    private long order;

    /// <summary>The shared cache of the graduate's pages (<see cref="HostLimits.ImagesCached"/> images).</summary>
    public static ImageCache Shared { get; } = new(HostLimits.ImagesCached);

    /// <summary>Images kept now (at most the capacity).</summary>
    public int Count => entries.Count;

    /// <summary>True while the image of <paramref name="key"/> is kept.</summary>
    public bool Contains(string key) => entries.ContainsKey(key);

    /// <summary>The image of <paramref name="key"/>, drawn by <paramref name="draw"/> when it is not kept.</summary>
    public byte[] GetOrDraw(string key, Func<byte[]> draw)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(draw);
        if (entries.TryGetValue(key, out var kept))
        {
            return kept.Bytes;
        }

        var bytes = draw();
        if (entries.Count >= capacity)
        {
            lock (entries)
            {
                // Drop the oldest half at once: one sort per capacity/2 insertions, not one per insertion.
                foreach (var old in entries.OrderBy(e => e.Value.Order).Take(Math.Max(1, entries.Count - capacity / 2)).ToList())
                {
                    entries.TryRemove(old.Key, out _);
                }
            }
        }

        entries[key] = (Interlocked.Increment(ref order), bytes);
        return bytes;
    }
}
