using MicroCredentials.Status;

namespace MicroCredentials;

/// <summary>
/// Bounds on fetching from the network (status lists, later DID documents): every fetch goes through
/// <see cref="Net.PublicHttp"/> and stays within these.
/// </summary>
public static partial class CoreLimits
{
    /// <summary>Redirects one fetch follows, each target checked again: lists are served directly; 3 allows a move or a CDN hop.</summary>
    public const int FetchMaxRedirects = 3;

    /// <summary>Seconds allowed to open a TCP connection: a public server answers in well under a second.</summary>
    public const int FetchConnectTimeoutSeconds = 3;

    /// <summary>
    /// Seconds a failed fetch is remembered per URL (negative caching): an upload naming an unreachable list costs at
    /// most one connection attempt per URL in this time, however often it is sent.
    /// </summary>
    public const int FetchFailureCacheSeconds = 30;

    /// <summary>Characters of a fetched URL: a status list URL is about 60; anything over 2,048 is not one.</summary>
    public const int FetchMaxUrlLength = 2048;

    /// <summary>Bytes a fetched status list's <c>encodedList</c> may inflate to (16 MiB = 134 million entries): a gzip bomb stops here.</summary>
    public const int StatusListInflatedBytes = Bitstring.MaximumByteLength;
}
