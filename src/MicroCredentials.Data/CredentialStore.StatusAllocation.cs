using System.Data.Common;
using System.Security.Cryptography;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    // Random tries before concluding a list is nearly full: at 90 % fill, 64 misses in a row happen 0.1 % of the time.
    private const int RandomAttempts = 64;

    // The open list per purpose, cached so an allocation is usually a single INSERT.
    private readonly OpenList?[] openLists = new OpenList?[2];

    /// <summary>
    /// Reserves a fresh random index in the open revocation list and in the open suspension list (Bitstring Status List
    /// v1.0 §6.5: indexes SHOULD be random). Call before building the credential, write the slots into its
    /// <c>credentialStatus</c>, sign, then pass them to <see cref="InsertIssuedAsync"/>.
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item>Pick an index with <see cref="RandomNumberGenerator"/> in the purpose's open list (opening one if none is).</item>
    /// <item>Insert it under the list's UNIQUE (list, index) key; a collision (another credential, another host) means
    /// try another index.</item>
    /// <item>After 64 collisions in a row count the list: below 90 % full pick among the free indexes, otherwise mark
    /// it full and open a new list (a partial unique index allows one open list per purpose, so racing hosts agree).</item>
    /// </list>
    /// Reserved entries are never deleted: an index is never reused, even if the caller never inserts the credential.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the allocation.</param>
    /// <returns>The reserved slots.</returns>
    public async Task<StatusAllocation> AllocateStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var revocation = await AllocateAsync(connection, StatusPurpose.Revocation, cancellationToken);
        var suspension = await AllocateAsync(connection, StatusPurpose.Suspension, cancellationToken);
        return new StatusAllocation(revocation, suspension);
    }

    private async Task<StatusSlot> AllocateAsync(DbConnection connection, StatusPurpose purpose, CancellationToken cancellationToken)
    {
        while (true)
        {
            var list = await GetOpenListAsync(connection, purpose, cancellationToken);
            for (var attempt = 0; attempt < RandomAttempts; attempt++)
            {
                var index = RandomNumberGenerator.GetInt32(list.Size);
                if (await TryReserveAsync(connection, list.Id, index, cancellationToken))
                {
                    return new StatusSlot(purpose, list.Id, index);
                }
            }

            var used = await ReadAllocatedIndexesAsync(connection, list.Id, cancellationToken);
            if (used.Count < list.Size - (list.Size / 10))
            {
                var free = Enumerable.Range(0, list.Size).Where(i => !used.Contains(i)).ToArray();
                var index = free[RandomNumberGenerator.GetInt32(free.Length)];
                if (await TryReserveAsync(connection, list.Id, index, cancellationToken))
                {
                    return new StatusSlot(purpose, list.Id, index);
                }

                continue;
            }

            await CloseListAsync(connection, purpose, list, cancellationToken);
        }
    }

    private async Task<OpenList> GetOpenListAsync(DbConnection connection, StatusPurpose purpose, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref openLists[(int)purpose]) is { } cached)
        {
            return cached;
        }

        while (true)
        {
            await using (var select = connection.Sql(
                "SELECT id, size FROM status_lists WHERE purpose = @purpose AND is_full = false ORDER BY id LIMIT 1")
                .With("@purpose", PurposeText(purpose)))
            {
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    return Remember(purpose, new OpenList(reader.GetInt64(0), reader.GetInt32(1)));
                }
            }

            var now = Now();
            await using var insert = connection.Sql(
                """
                INSERT INTO status_lists (purpose, size, is_full, version, created_at, updated_at)
                VALUES (@purpose, @size, false, 1, @now, @now)
                ON CONFLICT DO NOTHING
                RETURNING id, size
                """)
                .With("@purpose", PurposeText(purpose))
                .With("@size", statusListSize)
                .With("@now", now);
            await using var created = await insert.ExecuteReaderAsync(cancellationToken);
            if (await created.ReadAsync(cancellationToken))
            {
                return Remember(purpose, new OpenList(created.GetInt64(0), created.GetInt32(1)));
            }

            // Another writer opened one first: loop and use theirs.
        }
    }

    private OpenList Remember(StatusPurpose purpose, OpenList list)
    {
        Volatile.Write(ref openLists[(int)purpose], list);
        return list;
    }

    private async Task<bool> TryReserveAsync(DbConnection connection, long listId, int index, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            """
            INSERT INTO status_entries (list_id, status_index, bit, allocated_at)
            VALUES (@list, @index, false, @now)
            ON CONFLICT DO NOTHING
            """)
            .With("@list", listId)
            .With("@index", index)
            .With("@now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<HashSet<int>> ReadAllocatedIndexesAsync(DbConnection connection, long listId, CancellationToken cancellationToken)
    {
        var used = new HashSet<int>();
        await using var command = connection.Sql("SELECT status_index FROM status_entries WHERE list_id = @list").With("@list", listId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            used.Add(reader.GetInt32(0));
        }

        return used;
    }

    private async Task CloseListAsync(DbConnection connection, StatusPurpose purpose, OpenList list, CancellationToken cancellationToken)
    {
        await using (var command = connection.Sql("UPDATE status_lists SET is_full = true WHERE id = @id").With("@id", list.Id))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Interlocked.CompareExchange(ref openLists[(int)purpose], null, list);
    }

    private static string PurposeText(StatusPurpose purpose) => purpose switch
    {
        StatusPurpose.Revocation => "revocation",
        StatusPurpose.Suspension => "suspension",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown status purpose."),
    };

    private static StatusPurpose ParsePurpose(string text) => text switch
    {
        "revocation" => StatusPurpose.Revocation,
        "suspension" => StatusPurpose.Suspension,
        _ => throw new InvalidOperationException($"Unknown status purpose '{text}' in the database."),
    };

    private sealed record OpenList(long Id, int Size);
}
