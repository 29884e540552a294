using System.Data.Common;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string ListColumns = "l.id, l.purpose, l.size, l.version, l.is_full, l.created_at, l.updated_at";

    /// <summary>Lists every status list, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The lists' metadata.</returns>
    public async Task<IReadOnlyList<StatusListInfo>> ListStatusListsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {ListColumns} FROM status_lists l ORDER BY l.id");
        var lists = new List<StatusListInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lists.Add(ReadListInfo(reader));
        }

        return lists;
    }

    /// <summary>Reads one list's metadata (cheap: use its version to answer conditional requests).</summary>
    /// <param name="listId">The list number.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The metadata, or <see langword="null"/> if there is no such list.</returns>
    public async Task<StatusListInfo?> GetStatusListInfoAsync(long listId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {ListColumns} FROM status_lists l WHERE l.id = @id").With("@id", listId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadListInfo(reader) : null;
    }

    /// <summary>
    /// Reads one list and its set bits in a single statement, so the bits match the version (the status list
    /// credential can be encoded and cached under that version).
    /// </summary>
    /// <param name="listId">The list number.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The snapshot, or <see langword="null"/> if there is no such list.</returns>
    public async Task<StatusListSnapshot?> GetStatusListAsync(long listId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"""
            SELECT {ListColumns}, e.status_index
            FROM status_lists l LEFT JOIN status_entries e ON e.list_id = l.id AND e.bit = true
            WHERE l.id = @id
            ORDER BY e.status_index
            """).With("@id", listId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        StatusListInfo? info = null;
        var set = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            info ??= ReadListInfo(reader);
            if (!reader.IsDBNull(7))
            {
                set.Add(reader.GetInt32(7));
            }
        }

        return info is null ? null : new StatusListSnapshot(info, set);
    }

    private static StatusListInfo ReadListInfo(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetInt64(3),
        reader.GetBoolean(4),
        reader.Timestamp(5),
        reader.Timestamp(6));
}
