using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.Net;

/// <summary>The outcome of <see cref="PublicUrl.Check"/>: the URL to fetch, or why it may not be fetched.</summary>
public sealed record PublicUrlCheck
{
    /// <summary>The parsed URL; null when refused.</summary>
    public Uri? Uri { get; init; }

    /// <summary>Why the URL is refused (for logs and tests; users see <see cref="PublicHttp.FailureMessage"/>); empty when allowed.</summary>
    public string Reason { get; init; } = "";

    /// <summary>True when the URL may be fetched.</summary>
    [MemberNotNullWhen(true, nameof(Uri))]
    public bool Allowed => Uri is not null;

    internal static PublicUrlCheck Refuse(string reason) => new() { Reason = reason };
}
