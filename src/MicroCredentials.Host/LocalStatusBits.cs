using MicroCredentials.Status;

namespace MicroCredentials.Host;

/// <summary>
/// Our own status bitstrings as the verifier's <c>localList</c> sees them: the published lists by URL, and for each
/// revocation list the issuer's unpublished suspension record paired with it (asked for as (revocation list URL,
/// <see cref="StatusPurpose.Suspension"/>)).
/// </summary>
/// <param name="Lists">Published lists by list URL.</param>
/// <param name="SuspensionRecords">Suspension records by the URL of the revocation list they pair with.</param>
internal sealed record LocalStatusBits(IReadOnlyDictionary<string, Bitstring> Lists, IReadOnlyDictionary<string, Bitstring> SuspensionRecords)
{
    /// <summary>The bitstring for (list URL, purpose), or null when it is not one of ours.</summary>
    public Bitstring? Find(string url, string purpose) =>
        purpose == StatusPurpose.Suspension && SuspensionRecords.TryGetValue(url, out var record) ? record : Lists.GetValueOrDefault(url);
}
