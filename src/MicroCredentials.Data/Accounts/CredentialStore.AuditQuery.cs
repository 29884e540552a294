using System.Text;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>Reads the audit log with the administration page's filters, newest first.</summary>
    /// <param name="query">Who, what and when; empty filters match everything.</param>
    /// <param name="skip">Entries to skip (≥ 0).</param>
    /// <param name="take">Entries to return (1–1000).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A paging argument is out of range.</exception>
    public async Task<IReadOnlyList<AuditEntry>> FilterAuditAsync(AuditQuery query, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(skip, take);
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = new StringBuilder("WHERE 1 = 1");
        await using var command = connection.Sql(string.Empty);
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
            where.Append(@" AND LOWER(actor) LIKE @actor ESCAPE '\'");
            command.With("@actor", "%" + EscapeLike(query.Actor.Trim().ToLowerInvariant()) + "%");
        }

        if (query.Action is { } action)
        {
            where.Append(" AND action = @action");
            command.With("@action", action.ToString());
        }

        if (query.From is { } from)
        {
            where.Append(" AND at >= @from");
            command.With("@from", from.ToUniversalTime());
        }

        if (query.Until is { } until)
        {
            where.Append(" AND at < @until");
            command.With("@until", until.ToUniversalTime());
        }

        command.CommandText = $"SELECT id, at, actor, action, credential_id, detail FROM audit_log {where} ORDER BY id DESC LIMIT @take OFFSET @skip";
        command.With("@take", take).With("@skip", skip);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.Timestamp(1), reader.GetString(2), Enum.Parse<AuditAction>(reader.GetString(3)),
                reader.NullableString(4), reader.NullableString(5)));
        }

        return entries;
    }
}
