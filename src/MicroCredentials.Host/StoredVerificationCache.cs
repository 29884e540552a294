using System.Collections.Concurrent;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Status;
using MicroCredentials.Verification;

namespace MicroCredentials.Host;

/// <summary>
/// Verification reports of our own stored credentials (the QR code's page), reused while nothing they depend on has
/// changed. A stored credential's text never changes, so a report is reused only for the same text, the very same
/// status bitstrings (the publisher replaces them whenever it reloads a list, at most every
/// <see cref="StatusListPublisher.LocalFreshness"/>), and for at most <see cref="MaxAge"/> (the validity period
/// check reads the clock). Every check runs again for each new credential text or list snapshot; nothing is skipped.
/// </summary>
internal sealed class StoredVerificationCache(CredentialVerifier verifier, StatusListPublisher lists, TimeProvider time)
{
    /// <summary>The longest a report is reused.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The verification report of a stored credential, with our own lists read locally.</summary>
    public async Task<VerificationReport> VerifyAsync(StoredCredential stored, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(stored.Id, out var entry) && now - entry.At < MaxAge && now >= entry.At
            && string.Equals(entry.CredentialJson, stored.CredentialJson, StringComparison.Ordinal)
            && await lists.AreCurrentAsync(entry.Lists, ct))
        {
            return entry.Report;
        }

        var credential = IssuanceService.ParseCredential(stored);
        var local = await lists.LocalBitsAsync(credential, ct);
        var report = await verifier.VerifyJsonAsync(credential, local.Find, ct);
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[stored.Id] = new Entry(stored.CredentialJson, local, now, report);
        return report;
    }

    private sealed record Entry(string CredentialJson, LocalStatusBits Lists, DateTimeOffset At, VerificationReport Report);
}
