using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>Reads the audit log, newest first, optionally for one credential.</summary>
    /// <param name="credentialId">Only entries about this credential, or <see langword="null"/> for all.</param>
    /// <param name="skip">Entries to skip (≥ 0).</param>
    /// <param name="take">Entries to return (1–1000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A paging argument is out of range.</exception>
    public async Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(string? credentialId, int skip, int take, CancellationToken cancellationToken)
    {
        CheckPage(skip, take);
        await using var connection = await database.OpenAsync(cancellationToken);
        var filter = credentialId is null ? string.Empty : "WHERE credential_id = @cid";
        await using var command = connection.Sql(
            $"SELECT id, at, actor, action, credential_id, detail FROM audit_log {filter} ORDER BY id DESC LIMIT @take OFFSET @skip")
            .With("@take", take)
            .With("@skip", skip);
        if (credentialId is not null)
        {
            command.With("@cid", credentialId);
        }

        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.Timestamp(1),
                reader.GetString(2),
                Enum.Parse<AuditAction>(reader.GetString(3)),
                reader.NullableString(4),
                reader.NullableString(5)));
        }

        return entries;
    }
}
