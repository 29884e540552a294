using System.Data.Common;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string IdentityColumns =
        "issuer_id, public_base_url, context_url, ed25519_key, es256_key, rs256_key, created_at, retired_at";

    /// <summary>Every issuer identity the database knows: the current one first, then earlier ones, newest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<IssuerIdentity>> ListIssuerIdentitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadIdentitiesAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// Compares the configured identity with the stored one, in one write transaction:
    /// <list type="number">
    /// <item>none stored: records <paramref name="configured"/> (<see cref="IssuerIdentityOutcome.Recorded"/>);</item>
    /// <item>the same: <see cref="IssuerIdentityOutcome.Unchanged"/>;</item>
    /// <item>different while no credential exists yet: replaces it (<see cref="IssuerIdentityOutcome.Replaced"/>), so
    /// the address can be chosen freely before the first real issue;</item>
    /// <item>different once credentials exist: changes nothing (<see cref="IssuerIdentityOutcome.Conflict"/>, with the
    /// differences) — a domain move is explicit (<see cref="MoveIssuerIdentityAsync"/>).</item>
    /// </list>
    /// </summary>
    /// <param name="configured">The identity the configuration and keys give (dates ignored).</param>
    /// <param name="actor">Who is recorded in the audit log.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<IssuerIdentityClaim> ClaimIssuerIdentityAsync(IssuerIdentity configured, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        try
        {
            return await ClaimOnceAsync(configured, actor, cancellationToken);
        }
        catch (DbException e) when (database.IsUniqueViolation(e))
        {
            // Another host recorded an identity at the same moment (PostgreSQL, first start of several hosts): compare with it.
            return await ClaimOnceAsync(configured, actor, cancellationToken);
        }
    }

    private async Task<IssuerIdentityClaim> ClaimOnceAsync(IssuerIdentity configured, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var identities = await ReadIdentitiesAsync(connection, transaction, cancellationToken);
        var current = identities.FirstOrDefault(i => i.RetiredAt is null);
        var earlier = identities.Where(i => i.RetiredAt is not null).ToList();
        var now = Now();
        if (current is null)
        {
            var recorded = configured with { CreatedAt = now, RetiredAt = null };
            await InsertIdentityAsync(connection, transaction, recorded, cancellationToken);
            await AppendAuditAsync(connection, transaction, now, actor, AuditAction.IssuerIdentity, null,
                $"recorded {recorded.IssuerId} at {recorded.PublicBaseUrl}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new IssuerIdentityClaim(IssuerIdentityOutcome.Recorded, recorded, earlier);
        }

        var differences = current.Differences(configured);
        if (differences.Count == 0)
        {
            return new IssuerIdentityClaim(IssuerIdentityOutcome.Unchanged, current, earlier);
        }

        long credentials;
        await using (var count = connection.Sql("SELECT COUNT(*) FROM credentials", transaction))
        {
            credentials = await count.ScalarInt64Async(cancellationToken);
        }

        if (credentials > 0 || earlier.Count > 0)
        {
            return new IssuerIdentityClaim(IssuerIdentityOutcome.Conflict, current, earlier) { Differences = differences };
        }

        await using (var delete = connection.Sql("DELETE FROM issuer_identities WHERE issuer_id = @id", transaction).With("@id", current.IssuerId))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var replacement = configured with { CreatedAt = now, RetiredAt = null };
        await InsertIdentityAsync(connection, transaction, replacement, cancellationToken);
        await AppendAuditAsync(connection, transaction, now, actor, AuditAction.IssuerIdentity, null,
            $"replaced {current.IssuerId} by {replacement.IssuerId} (no credential issued yet)", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuerIdentityClaim(IssuerIdentityOutcome.Replaced, replacement, earlier, current);
    }

    /// <summary>
    /// Moves the issuer to a new public address (an explicit, audited domain move): the current identity becomes an
    /// earlier one (still trusted, its DID document still served) and <paramref name="next"/> — same keys, new address
    /// and issuer id — becomes current. Moving back to an earlier address makes that identity current again.
    /// </summary>
    /// <param name="next">The identity at the new address (built from the current one's keys).</param>
    /// <param name="actor">Who is recorded in the audit log.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<IssuerIdentityMoveOutcome> MoveIssuerIdentityAsync(IssuerIdentity next, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var identities = await ReadIdentitiesAsync(connection, transaction, cancellationToken);
        var current = identities.FirstOrDefault(i => i.RetiredAt is null);
        if (current is null)
        {
            return IssuerIdentityMoveOutcome.NoIdentity;
        }

        if (current.IssuerId == next.IssuerId)
        {
            return IssuerIdentityMoveOutcome.AlreadyThere;
        }

        var now = Now();
        await using (var retire = connection.Sql("UPDATE issuer_identities SET retired_at = @at, is_current = NULL WHERE issuer_id = @id", transaction)
            .With("@at", now).With("@id", current.IssuerId))
        {
            await retire.ExecuteNonQueryAsync(cancellationToken);
        }

        if (identities.Any(i => i.IssuerId == next.IssuerId))
        {
            await using var revive = connection.Sql("UPDATE issuer_identities SET retired_at = NULL, is_current = 1 WHERE issuer_id = @id", transaction)
                .With("@id", next.IssuerId);
            await revive.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await InsertIdentityAsync(connection, transaction, next with { CreatedAt = now, RetiredAt = null }, cancellationToken);
        }

        await AppendAuditAsync(connection, transaction, now, actor, AuditAction.IssuerIdentity, null,
            $"moved from {current.IssuerId} ({current.PublicBaseUrl}) to {next.IssuerId} ({next.PublicBaseUrl})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IssuerIdentityMoveOutcome.Moved;
    }

    private static async Task InsertIdentityAsync(DbConnection connection, DbTransaction transaction, IssuerIdentity identity, CancellationToken ct)
    {
        await using var insert = connection.Sql(
            $"INSERT INTO issuer_identities ({IdentityColumns}, is_current) VALUES (@id, @base, @ctx, @ed, @es, @rs, @at, NULL, 1)", transaction)
            .With("@id", identity.IssuerId)
            .With("@base", identity.PublicBaseUrl)
            .With("@ctx", identity.ContextUrl)
            .With("@ed", identity.Ed25519Key)
            .With("@es", identity.Es256Key)
            .With("@rs", identity.Rs256Key)
            .With("@at", identity.CreatedAt);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<IssuerIdentity>> ReadIdentitiesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var query = connection.Sql(
            $"SELECT {IdentityColumns} FROM issuer_identities ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, created_at DESC", transaction);
        await using var reader = await query.ExecuteReaderAsync(ct);
        var found = new List<IssuerIdentity>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(new IssuerIdentity
            {
                IssuerId = reader.GetString(0),
                PublicBaseUrl = reader.GetString(1),
                ContextUrl = reader.GetString(2),
                Ed25519Key = reader.GetString(3),
                Es256Key = reader.GetString(4),
                Rs256Key = reader.GetString(5),
                CreatedAt = reader.Timestamp(6),
                RetiredAt = reader.NullableTimestamp(7),
            });
        }

        return found;
    }
}
