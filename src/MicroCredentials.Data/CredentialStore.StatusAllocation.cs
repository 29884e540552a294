using System.Data.Common;
using System.Security.Cryptography;
using MicroCredentials.Data.Storage;
using MicroCredentials.Status;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    // Random tries before choosing among the free indexes: below 90 % fill, 64 misses in a row happen < 0.2 % of the time.
    private const int RandomAttempts = 64;

    // Misses in a row after which the list is counted: 8 misses are rare at low fill (0.4 % at half full).
    private const int CountAfterMisses = 8;

    // The open list per purpose, cached so an allocation is usually a single INSERT.
    private readonly OpenList?[] openLists = new OpenList?[StatusPurpose.All.Count];

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
    /// <item>After 8 (and again after 64) collisions in a row count the list: at 90 % full mark it full and open a new
    /// list (a partial unique index allows one open list per purpose, so racing hosts agree); below that, after 64
    /// misses, pick among the free indexes.</item>
    /// </list>
    /// Reserved entries are not deleted here: an index is never reused, even if the caller never inserts the credential.
    /// (Batch jobs give back the slots of rows that got no credential — none signed with them is ever stored.)
    /// </remarks>
    /// <param name="cancellationToken">Cancels the allocation.</param>
    /// <returns>The reserved slots.</returns>
    public async Task<StatusAllocation> AllocateStatusAsync(CancellationToken cancellationToken) =>
        (await AllocateStatusBatchAsync(1, cancellationToken))[0];

    /// <summary>
    /// Reserves slots for <paramref name="count"/> credentials in one transaction, as <see cref="AllocateStatusAsync"/>
    /// does for one: for batch issuance, where one commit (one disk flush) per credential instead of two matters.
    /// Slots left unused are simply never handed out again.
    /// </summary>
    /// <param name="count">How many credentials (1–10,000).</param>
    /// <param name="cancellationToken">Cancels the allocation (nothing is reserved then).</param>
    /// <returns>One allocation per credential.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public async Task<IReadOnlyList<StatusAllocation>> AllocateStatusBatchAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            // One transaction for all slots: one commit (one fsync) however many are reserved.
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var allocations = new StatusAllocation[count];
            var opened = new HashSet<long>();
            for (var i = 0; i < count; i++)
            {
                var revocation = await AllocateAsync(connection, transaction, StatusPurpose.Revocation, opened, cancellationToken);
                var suspension = await AllocateAsync(connection, transaction, StatusPurpose.Suspension, opened, cancellationToken);
                allocations[i] = new StatusAllocation(revocation, suspension);
            }

            await transaction.CommitAsync(cancellationToken);
            return allocations;
        }
        catch
        {
            // A list opened inside the failed transaction does not exist: forget the cached lists.
            Volatile.Write(ref openLists[0], null);
            Volatile.Write(ref openLists[1], null);
            throw;
        }
    }

    private async Task<StatusSlot> AllocateAsync(DbConnection connection, DbTransaction transaction, string purpose, HashSet<long> opened,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var list = await GetOpenListAsync(connection, transaction, purpose, opened, cancellationToken);
            var full = false;
            for (var attempt = 1; attempt <= RandomAttempts && !full; attempt++)
            {
                var index = RandomNumberGenerator.GetInt32(list.Size);
                if (await TryReserveAsync(connection, transaction, list.Id, index, cancellationToken))
                {
                    return new StatusSlot(purpose, list.Id, index);
                }

                // A run of misses hints that the list is filling up: count it (rare below ~80 % fill).
                if (attempt == CountAfterMisses || attempt == RandomAttempts)
                {
                    full = await CountAllocatedAsync(connection, transaction, list.Id, cancellationToken) >= FullThreshold(list.Size);
                }
            }

            if (full)
            {
                await CloseListAsync(connection, transaction, purpose, list, cancellationToken);
                continue;
            }

            // Below the threshold yet unlucky 64 times: choose among the free indexes directly.
            var used = await ReadAllocatedIndexesAsync(connection, transaction, list.Id, cancellationToken);
            var free = Enumerable.Range(0, list.Size).Where(i => !used.Contains(i)).ToArray();
            if (free.Length > 0)
            {
                var index = free[RandomNumberGenerator.GetInt32(free.Length)];
                if (await TryReserveAsync(connection, transaction, list.Id, index, cancellationToken))
                {
                    return new StatusSlot(purpose, list.Id, index);
                }
            }
        }
    }

    // A list stops taking new indexes at 90 % so random picks stay cheap; the rest stays unused.
    private static int FullThreshold(int size) => size - (size / 10);

    private static async Task<long> CountAllocatedAsync(DbConnection connection, DbTransaction transaction, long listId, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql("SELECT COUNT(*) FROM status_entries WHERE list_id = @list", transaction).With("@list", listId);
        return await command.ScalarInt64Async(cancellationToken);
    }

    // Only committed lists are cached for other writers: a list opened in this transaction is invisible to them until
    // the commit, and a status entry naming it would violate the foreign key (seen with PostgreSQL under concurrency).
    private async Task<OpenList> GetOpenListAsync(DbConnection connection, DbTransaction transaction, string purpose, HashSet<long> opened,
        CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref openLists[Slot(purpose)]) is { } cached)
        {
            return cached;
        }

        while (true)
        {
            await using (var select = connection.Sql(
                "SELECT id, size FROM status_lists WHERE purpose = @purpose AND is_full = false ORDER BY id LIMIT 1", transaction)
                .With("@purpose", purpose))
            {
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    var found = new OpenList(reader.GetInt64(0), reader.GetInt32(1));
                    return opened.Contains(found.Id) ? found : Remember(purpose, found);
                }
            }

            var now = Now();
            await using var insert = connection.Sql(
                """
                INSERT INTO status_lists (purpose, size, is_full, version, created_at, updated_at)
                VALUES (@purpose, @size, false, 1, @now, @now)
                ON CONFLICT DO NOTHING
                RETURNING id, size
                """, transaction)
                .With("@purpose", purpose)
                .With("@size", statusListSize)
                .With("@now", now);
            await using var created = await insert.ExecuteReaderAsync(cancellationToken);
            if (await created.ReadAsync(cancellationToken))
            {
                var list = new OpenList(created.GetInt64(0), created.GetInt32(1));
                opened.Add(list.Id);
                return list;
            }

            // Another writer opened one first: loop and use theirs.
        }
    }

    private OpenList Remember(string purpose, OpenList list)
    {
        Volatile.Write(ref openLists[Slot(purpose)], list);
        return list;
    }

    private async Task<bool> TryReserveAsync(DbConnection connection, DbTransaction transaction, long listId, int index, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(
            """
            INSERT INTO status_entries (list_id, status_index, bit, allocated_at)
            VALUES (@list, @index, false, @now)
            ON CONFLICT DO NOTHING
            """, transaction)
            .With("@list", listId)
            .With("@index", index)
            .With("@now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<HashSet<int>> ReadAllocatedIndexesAsync(DbConnection connection, DbTransaction transaction, long listId, CancellationToken cancellationToken)
    {
        var used = new HashSet<int>();
        await using var command = connection.Sql("SELECT status_index FROM status_entries WHERE list_id = @list", transaction).With("@list", listId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            used.Add(reader.GetInt32(0));
        }

        return used;
    }

    private async Task CloseListAsync(DbConnection connection, DbTransaction transaction, string purpose, OpenList list, CancellationToken cancellationToken)
    {
        await using (var command = connection.Sql("UPDATE status_lists SET is_full = true WHERE id = @id", transaction).With("@id", list.Id))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Interlocked.CompareExchange(ref openLists[Slot(purpose)], null, list);
    }

    private static int Slot(string purpose) => purpose switch
    {
        StatusPurpose.Revocation => 0,
        StatusPurpose.Suspension => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Only revocation and suspension lists are kept."),
    };

    private sealed record OpenList(long Id, int Size);
}
