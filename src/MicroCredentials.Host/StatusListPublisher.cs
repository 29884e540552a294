using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Keys;
using MicroCredentials.Status;

namespace MicroCredentials.Host;

/// <summary>
/// Serves our status lists: signed BitstringStatusListCredentials (re-signed only when a list changes, cached by
/// list version) and, for our own verification, the current bitstrings with at most <see cref="LocalFreshness"/>
/// of staleness — so a revocation shows on our pages within a second — together with the issuer's suspension record
/// of each revocation list (<see cref="LocalStatusBits"/>), which shows a suspension of a credential that names only
/// its revocation entry.
/// </summary>
internal sealed class StatusListPublisher(CredentialStore store, IssuerKeySet keys, IssuanceService issuance, IssuerIdentityState identity, TimeProvider time)
{
    /// <summary>How long our lists may be cached by others (the list's <c>ttl</c> and Cache-Control max-age).</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    /// <summary>How stale a bitstring may be when our own pages and API verify our credentials.</summary>
    public static readonly TimeSpan LocalFreshness = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<long, (long Version, JsonObject Credential)> _signed = new();
    private readonly ConcurrentDictionary<long, (DateTimeOffset At, Bitstring Bits)> _bits = new();
    private readonly ConcurrentDictionary<long, (DateTimeOffset At, Bitstring? Bits)> _records = new();
    private volatile InfosSnapshot? _infos;

    /// <summary>The signed list credential and its version (for the ETag); null when there is no such list.</summary>
    public async Task<(JsonObject Credential, long Version)?> GetSignedAsync(long listId, CancellationToken ct)
    {
        var info = await store.GetStatusListInfoAsync(listId, ct);
        if (info is null)
        {
            return null;
        }

        if (_signed.TryGetValue(listId, out var cached) && cached.Version == info.Version)
        {
            return (cached.Credential, cached.Version);
        }

        var snapshot = await store.GetStatusListAsync(listId, ct);
        if (snapshot is null)
        {
            return null;
        }

        var url = issuance.Options.StatusListUrl(listId);
        var unsigned = StatusListCredentialBuilder.Build(url, keys.IssuerId, snapshot.Info.Purpose, snapshot.ToBitstring(),
            TruncateToSeconds(snapshot.Info.UpdatedAt), Ttl);
        var signed = DataIntegritySigner.Sign(unsigned, keys.Ed25519Key, keys.VerificationMethodId, TruncateToSeconds(time.GetUtcNow()));
        _signed[listId] = (snapshot.Info.Version, signed);
        return (signed, snapshot.Info.Version);
    }

    /// <summary>
    /// Loads the bitstrings of our lists that <paramref name="credential"/> points to, and returns the lookup the
    /// status checker uses for them (other lists are fetched).
    /// </summary>
    public async Task<Func<string, string, Bitstring?>> LocalListsAsync(JsonObject credential, CancellationToken ct)
    {
        var found = await LocalBitsAsync(credential, ct);
        return found.Find;
    }

    /// <summary>
    /// The current bitstrings of our lists that <paramref name="credential"/> points to, by list URL, with the issuer's
    /// suspension record of each revocation list among them.
    /// </summary>
    public async Task<LocalStatusBits> LocalBitsAsync(JsonObject credential, CancellationToken ct)
    {
        var found = new Dictionary<string, Bitstring>(StringComparer.Ordinal);
        var records = new Dictionary<string, Bitstring>(StringComparer.Ordinal);
        var entries = credential["credentialStatus"] switch
        {
            JsonArray a => a.ToList(),
            null => [],
            var one => [one],
        };
        foreach (var entry in entries)
        {
            // Any VC 2.0 shape may arrive here (an entry that is a string, a number, an array): only objects name a list.
            var url = entry is JsonObject o && o["statusListCredential"] is JsonValue v ? Text(v) : null;
            if (url is null || found.ContainsKey(url) || ListId(url) is not { } id)
            {
                continue;
            }

            if (await GetBitsAsync(id, ct) is { } bits)
            {
                found[url] = bits;
            }

            if (await GetSuspensionRecordAsync(id, ct) is { } record)
            {
                records[url] = record;
            }
        }

        return new LocalStatusBits(found, records);
    }

    // The string value, or null when it is none or not valid UTF-16 (a lone surrogate: System.Text.Json throws on reading it).
    private static string? Text(JsonValue value)
    {
        try
        {
            return value.TryGetValue<string>(out var text) ? text : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Whether these bitstrings (from <see cref="LocalBitsAsync"/>) are still the current ones, the very same objects.</summary>
    public async Task<bool> AreCurrentAsync(LocalStatusBits used, CancellationToken ct)
    {
        foreach (var (url, bits) in used.Lists)
        {
            if (ListId(url) is not { } id || !ReferenceEquals(await GetBitsAsync(id, ct), bits))
            {
                return false;
            }
        }

        foreach (var (url, record) in used.SuspensionRecords)
        {
            if (ListId(url) is not { } id || !ReferenceEquals(await GetSuspensionRecordAsync(id, ct), record))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A lookup over all our lists (for uploads whose credential is only known after opening a PDF or JWT).</summary>
    public async Task<Func<string, string, Bitstring?>> LocalListsForAnyAsync(CancellationToken ct)
    {
        var found = new Dictionary<string, Bitstring>(StringComparer.Ordinal);
        var records = new Dictionary<string, Bitstring>(StringComparer.Ordinal);
        foreach (var info in await ListInfosAsync(ct))
        {
            var url = issuance.Options.StatusListUrl(info.Id);
            if (await GetBitsAsync(info.Id, ct) is { } bits)
            {
                // Credentials issued before a domain move name the list under the earlier address.
                foreach (var prefix in identity.StatusListPrefixes)
                {
                    found[prefix + info.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = bits;
                }
            }

            if (info.Purpose == StatusPurpose.Revocation && await GetSuspensionRecordAsync(info.Id, ct) is { } record)
            {
                foreach (var prefix in identity.StatusListPrefixes)
                {
                    records[prefix + info.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = record;
                }
            }
        }

        return new LocalStatusBits(found, records).Find;
    }

    // The list of our lists, re-read at most every LocalFreshness (a new list is only created when one fills up).
    private async Task<IReadOnlyList<StatusListInfo>> ListInfosAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_infos is { } cached && now - cached.At < LocalFreshness && now >= cached.At)
        {
            return cached.Infos;
        }

        var infos = await store.ListStatusListsAsync(ct);
        _infos = new InfosSnapshot(now, infos);
        return infos;
    }

    private async Task<Bitstring?> GetBitsAsync(long listId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_bits.TryGetValue(listId, out var cached) && now - cached.At < LocalFreshness)
        {
            return cached.Bits;
        }

        var snapshot = await store.GetStatusListAsync(listId, ct);
        if (snapshot is null)
        {
            return null;
        }

        var bits = snapshot.ToBitstring();
        _bits[listId] = (now, bits);
        return bits;
    }

    // The issuer's suspension record paired with a revocation list, as fresh as the lists themselves (null for other lists).
    private async Task<Bitstring?> GetSuspensionRecordAsync(long listId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_records.TryGetValue(listId, out var cached) && now - cached.At < LocalFreshness)
        {
            return cached.Bits;
        }

        var record = (await store.GetSuspensionRecordAsync(listId, ct))?.ToBitstring();
        _records[listId] = (now, record);
        return record;
    }

    /// <summary>Our list id from a list URL, or null when the URL is not one of ours.</summary>
    public long? ListId(string url)
    {
        foreach (var prefix in identity.StatusListPrefixes)
        {
            if (url.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(url.AsSpan(prefix.Length), out var id))
            {
                return id;
            }
        }

        return null;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private sealed record InfosSnapshot(DateTimeOffset At, IReadOnlyList<StatusListInfo> Infos);
}
