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
/// of staleness — so a revocation shows on our pages within a second.
/// </summary>
internal sealed class StatusListPublisher(CredentialStore store, IssuerKeySet keys, IssuanceService issuance, IssuerIdentityState identity, TimeProvider time)
{
    /// <summary>How long our lists may be cached by others (the list's <c>ttl</c> and Cache-Control max-age).</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    /// <summary>How stale a bitstring may be when our own pages and API verify our credentials.</summary>
    public static readonly TimeSpan LocalFreshness = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<long, (long Version, JsonObject Credential)> _signed = new();
    private readonly ConcurrentDictionary<long, (DateTimeOffset At, Bitstring Bits)> _bits = new();
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
        return (url, _) => found.GetValueOrDefault(url);
    }

    /// <summary>The current bitstrings of our lists that <paramref name="credential"/> points to, by list URL.</summary>
    public async Task<IReadOnlyDictionary<string, Bitstring>> LocalBitsAsync(JsonObject credential, CancellationToken ct)
    {
        var found = new Dictionary<string, Bitstring>(StringComparer.Ordinal);
        var entries = credential["credentialStatus"] switch
        {
            JsonArray a => a.ToList(),
            null => [],
            var one => [one],
        };
        foreach (var entry in entries)
        {
            var url = entry?["statusListCredential"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (url is null || found.ContainsKey(url) || ListId(url) is not { } id)
            {
                continue;
            }

            if (await GetBitsAsync(id, ct) is { } bits)
            {
                found[url] = bits;
            }
        }

        return found;
    }

    /// <summary>Whether these bitstrings (from <see cref="LocalBitsAsync"/>) are still the current ones, the very same objects.</summary>
    public async Task<bool> AreCurrentAsync(IReadOnlyDictionary<string, Bitstring> used, CancellationToken ct)
    {
        foreach (var (url, bits) in used)
        {
            if (ListId(url) is not { } id || !ReferenceEquals(await GetBitsAsync(id, ct), bits))
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
        foreach (var info in await ListInfosAsync(ct))
        {
            if (await GetBitsAsync(info.Id, ct) is { } bits)
            {
                // Credentials issued before a domain move name the list under the earlier address.
                foreach (var prefix in identity.StatusListPrefixes)
                {
                    found[prefix + info.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = bits;
                }
            }
        }

        return (url, _) => found.GetValueOrDefault(url);
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
