using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MicroCredentials.Model;

namespace MicroCredentials.Status;

/// <summary>
/// Checks the <c>credentialStatus</c> entries of a credential against their Bitstring Status Lists (W3C Bitstring Status
/// List v1.0 §3.2, Validate Algorithm): fetch the list, verify its proof, match the issuer and purpose, check its length
/// and validity period, read the bit. A list that cannot be fetched gives <see cref="StatusCheckOutcome.Unknown"/> with
/// the last known status — never "valid" and never "not genuine".
/// </summary>
public sealed partial class StatusChecker
{
    private readonly StatusListClient client;
    private readonly StatusListProofVerifier verifyProof;
    private readonly TimeProvider time;

    // Lists whose proof already verified, by reference: a cached list is verified once, not on every check.
    private readonly ConditionalWeakTable<StatusListCredential, object> verified = [];

    /// <summary>Creates a checker.</summary>
    /// <param name="client">Fetches and caches foreign lists.</param>
    /// <param name="verifyProof">Verifies a list credential's proof (the Data Integrity verifier).</param>
    /// <param name="timeProvider">The clock for the list's validity period.</param>
    public StatusChecker(StatusListClient client, StatusListProofVerifier verifyProof, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(verifyProof);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.client = client;
        this.verifyProof = verifyProof;
        time = timeProvider;
    }

    /// <summary>
    /// Checks every <c>credentialStatus</c> entry of <paramref name="credential"/> (an object or an array of them).
    /// Returns one result per entry, in order; an empty list when the credential has no status.
    /// </summary>
    /// <param name="credential">The credential as JSON.</param>
    /// <param name="localList">
    /// Optional lookup of lists this process holds itself (our own issuer's lists, by list URL and purpose); an entry
    /// whose list it returns is checked locally, without fetching or proof verification.
    /// </param>
    /// <param name="cancellationToken">Cancels fetching.</param>
    public async Task<IReadOnlyList<StatusCheckResult>> CheckAsync(
        JsonObject credential,
        Func<string, string, Bitstring?>? localList = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var entries = credential[StatusListTerms.CredentialStatus] switch
        {
            null => [],
            JsonArray array => array.ToList(),
            var single => [single],
        };
        var issuer = StatusListCredential.String(credential[StatusListTerms.Issuer])
            ?? StatusListCredential.String((credential[StatusListTerms.Issuer] as JsonObject)?[StatusListTerms.Id]);

        var results = new List<StatusCheckResult>(entries.Count);
        foreach (var node in entries)
        {
            var read = ReadEntry(node);
            if (read.Entry is not { } entry)
            {
                results.Add(read.Problem!);
                continue;
            }

            results.Add(localList?.Invoke(entry.ListUrl, entry.Purpose) is { } known
                ? Evaluate(entry, known, fetchedAt: null)
                : await CheckRemoteAsync(entry, issuer, cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// Checks one entry against a list the caller already holds (our own credentials: storage looks the list up).
    /// The caller vouches that <paramref name="list"/> is the entry's list for its purpose.
    /// </summary>
    /// <returns>Valid, Revoked or Suspended; Invalid when the index is malformed or out of range.</returns>
    public static StatusCheckResult Check(BitstringStatusListEntry entry, Bitstring list)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(list);
        if (!TryParseIndex(entry.StatusListIndex, out var index))
        {
            return Problem(StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed,
                $"statusListIndex '{entry.StatusListIndex}' is not a base-10 integer.") with
            {
                StatusPurpose = entry.StatusPurpose,
                StatusListCredential = entry.StatusListCredential,
                StatusListIndex = entry.StatusListIndex,
            };
        }

        return Evaluate(new StatusEntryReference(entry.StatusPurpose, entry.StatusListCredential, entry.StatusListIndex, index), list, fetchedAt: null);
    }
}
