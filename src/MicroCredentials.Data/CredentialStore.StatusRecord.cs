using MicroCredentials.Data.Storage;
using MicroCredentials.Status;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>
    /// The issuer's own suspension record of one revocation list: which of that list's indexes belong to a credential
    /// that is suspended now. It pairs with the revocation list index for index, so a credential that names only its
    /// revocation entry (the default, OB-schema-valid profile) can still be shown as suspended by our own verifier.
    /// </summary>
    /// <remarks>
    /// The record is never published: the credential does not name it, and other verifiers see such a credential as
    /// not revoked. It is read from the suspension bits the store keeps for every credential (the two-entry profile
    /// publishes the same bits in its suspension list), through the partial index on set bits.
    /// </remarks>
    /// <param name="revocationListId">A revocation list's number.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>
    /// A snapshot shaped like the revocation list (its id and size, purpose <see cref="StatusPurpose.Suspension"/>) whose set
    /// indexes are the suspended credentials' revocation indexes; null when there is no such list or it is not a
    /// revocation list.
    /// </returns>
    public async Task<StatusListSnapshot?> GetSuspensionRecordAsync(long revocationListId, CancellationToken cancellationToken)
    {
        var info = await GetStatusListInfoAsync(revocationListId, cancellationToken);
        if (info is null || info.Purpose != StatusPurpose.Revocation)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT DISTINCT c.revocation_index
            FROM status_entries e JOIN credentials c ON c.id = e.credential_id
            WHERE e.bit = true AND c.suspended = true AND c.revocation_list_id = @list
            ORDER BY c.revocation_index
            """).With("@list", revocationListId);
        var set = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            set.Add(reader.GetInt32(0));
        }

        return new StatusListSnapshot(info with { Purpose = StatusPurpose.Suspension }, set);
    }
}
