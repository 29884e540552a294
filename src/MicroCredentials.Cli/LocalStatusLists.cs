using MicroCredentials.Data;
using MicroCredentials.Status;

namespace MicroCredentials.Cli;

/// <summary>Our own status lists read from the local database (so verification needs no running host).</summary>
internal static class LocalStatusLists
{
    /// <summary>A lookup (list URL, purpose) → bitstring over the lists in the database; null when there is no database.</summary>
    public static async Task<Func<string, string, Bitstring?>?> LoadAsync(System.CommandLine.ParseResult parse, CommonOptions common,
        CliContext context, CancellationToken ct)
    {
        if (!common.HasDatabase(parse))
        {
            return null;
        }

        await using var store = await CredentialStore.OpenAsync(common.Storage(parse), context.Time, ct);
        // Every address the database's identity used (a domain move keeps the old lists' URLs valid), and --base-url.
        var identities = await store.ListIssuerIdentitiesAsync(ct);
        List<string> prefixes = [parse.GetValue(common.BaseUrl)!.ToString().TrimEnd('/') + "/status/", .. identities.Select(i => i.StatusListPrefix)];
        var lists = new Dictionary<string, Bitstring>(StringComparer.Ordinal);
        var suspensionRecords = new Dictionary<string, Bitstring>(StringComparer.Ordinal);
        foreach (var info in await store.ListStatusListsAsync(ct))
        {
            if (await store.GetStatusListAsync(info.Id, ct) is { } snapshot)
            {
                var bits = snapshot.ToBitstring();
                foreach (var prefix in prefixes.Distinct(StringComparer.Ordinal))
                {
                    lists[prefix + info.Id] = bits;
                }
            }

            // The issuer's suspension record paired with a revocation list: shows suspensions of single-entry credentials.
            if (await store.GetSuspensionRecordAsync(info.Id, ct) is { } record)
            {
                var recordBits = record.ToBitstring();
                foreach (var prefix in prefixes.Distinct(StringComparer.Ordinal))
                {
                    suspensionRecords[prefix + info.Id] = recordBits;
                }
            }
        }

        return (url, purpose) => purpose == StatusPurpose.Suspension && suspensionRecords.TryGetValue(url, out var record)
            ? record
            : lists.GetValueOrDefault(url);
    }
}
