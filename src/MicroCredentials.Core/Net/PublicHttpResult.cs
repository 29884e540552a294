namespace MicroCredentials.Net;

/// <summary>The outcome of <see cref="PublicHttp.GetAsync"/>: a response (any status), or why no request was made.</summary>
public sealed record PublicHttpResult : IDisposable
{
    /// <summary>The final response after at most <see cref="CoreLimits.FetchMaxRedirects"/> redirects; null when refused.</summary>
    public HttpResponseMessage? Response { get; init; }

    /// <summary>Why the URL, a redirect target or a resolved address was refused (for logs and tests); empty otherwise.</summary>
    public string Refusal { get; init; } = "";

    /// <summary>Disposes the response.</summary>
    public void Dispose() => Response?.Dispose();
}
