using System.Collections.Concurrent;

namespace MicroCredentials.JsonLd;

/// <summary>
/// Loads remote documents (contexts) for the JSON-LD processor (JSON-LD 1.1 API §9.4 <c>LoadDocumentCallback</c>).
/// </summary>
/// <remarks>
/// A loader's documents, and every context processed from them, are cached for the loader's lifetime and shared
/// by all calls and threads that use the same loader instance: a loader must return the same document for a URL
/// every time. Implementations must be thread-safe.
/// </remarks>
public abstract class DocumentLoader
{
    private readonly ConcurrentDictionary<string, LoadedDocument> loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<JsonLdProcessingMode, ActiveContext> roots = new();
    private int sharedContexts;

    /// <summary>Loads the document at <paramref name="url"/> (an absolute IRI).</summary>
    /// <exception cref="JsonLdException">The document cannot be loaded (error code <c>"loading remote context failed"</c> or <c>"loading document failed"</c>).</exception>
    public abstract RemoteDocument LoadDocument(string url);

    /// <summary>Loads (once) and converts a document to the processor's internal JSON model.</summary>
    internal LoadedDocument LoadCached(string url)
    {
        if (loaded.TryGetValue(url, out var doc))
        {
            return doc;
        }

        RemoteDocument remote;
        try
        {
            remote = LoadDocument(url);
        }
        catch (JsonLdException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingRemoteContextFailed, $"{url} could not be loaded: {e.Message}");
        }

        var result = new LoadedDocument(remote.DocumentUrl, JsonModel.FromNode(remote.Document));
        return loaded.GetOrAdd(url, result);
    }

    /// <summary>The initial active context (no base IRI) shared by every call with this loader and mode.</summary>
    internal ActiveContext Root(JsonLdProcessingMode mode) => roots.GetOrAdd(mode, static m =>
    {
        var root = new ActiveContext(m, null);
        root.MarkShared();
        return root;
    });

    /// <summary>The processed contexts this loader keeps besides its roots (at most <see cref="CoreLimits.JsonLdMaxSharedContexts"/>).</summary>
    internal int SharedContexts => Math.Min(Volatile.Read(ref sharedContexts), CoreLimits.JsonLdMaxSharedContexts);

    /// <summary>Takes one of the <see cref="CoreLimits.JsonLdMaxSharedContexts"/> places for a kept context; false when none is left.</summary>
    internal bool TryReserveSharedContext()
    {
        if (Volatile.Read(ref sharedContexts) >= CoreLimits.JsonLdMaxSharedContexts)
        {
            return false;
        }

        return Interlocked.Increment(ref sharedContexts) <= CoreLimits.JsonLdMaxSharedContexts;
    }
}
