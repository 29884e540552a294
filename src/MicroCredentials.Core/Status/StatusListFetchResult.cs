using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.Status;

/// <summary>The outcome of <see cref="StatusListClient.GetAsync"/>.</summary>
public sealed record StatusListFetchResult
{
    /// <summary>The current list; null on failure.</summary>
    public FetchedStatusList? List { get; init; }

    /// <summary>Why it failed; <see cref="StatusListFetchFailure.None"/> on success.</summary>
    public StatusListFetchFailure Failure { get; init; }

    /// <summary>For <see cref="StatusListFetchFailure.Malformed"/>: what is wrong with the document.</summary>
    public StatusListReadFailure ReadFailure { get; init; }

    /// <summary>For <see cref="StatusListFetchFailure.HttpStatus"/>: the status code.</summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>On failure: the last good copy of this list, if one was ever fetched (stale, not to be trusted as current).</summary>
    public FetchedStatusList? LastKnown { get; init; }

    /// <summary>True when <see cref="List"/> came from the cache without a network round trip.</summary>
    public bool FromCache { get; init; }

    /// <summary>A sentence for logs and messages; empty on success.</summary>
    public string Detail { get; init; } = "";

    /// <summary>True when <see cref="List"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(List))]
    public bool Succeeded => List is not null;
}
