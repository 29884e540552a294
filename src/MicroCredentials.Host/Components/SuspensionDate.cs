using MicroCredentials.Data;

namespace MicroCredentials.Host.Components;

/// <summary>
/// When a suspended credential was suspended, read from the store's audit record of its status changes (the newest
/// <see cref="AuditAction.Suspend"/>): the pages show it next to the verdict.
/// </summary>
internal static class SuspensionDate
{
    /// <summary>The time of the suspension in force, or null (not suspended, or no record among the newest entries).</summary>
    public static async Task<DateTimeOffset?> ReadAsync(CredentialStore store, StoredCredential stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.IsSuspended || stored.IsRevoked)
        {
            return null;
        }

        var entries = await store.QueryAuditAsync(stored.Id, 0, HostLimits.SuspensionAuditEntriesRead, ct);
        return entries.FirstOrDefault(e => e.Action == AuditAction.Suspend)?.At;
    }
}
