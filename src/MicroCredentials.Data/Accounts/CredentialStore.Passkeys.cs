using System.Data.Common;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string PasskeyColumns =
        "credential_id, account_id, name, public_key, created_at, sign_count, transports, is_user_verified, is_backup_eligible, is_backed_up, " +
        "attestation_object, client_data_json, last_used_at";

    /// <summary>
    /// Registers a passkey for an account, or (same credential id, same account) saves its counter and flags after a
    /// sign-in; a credential id registered to another account is refused. A new registration writes
    /// <see cref="AuditAction.Passkey"/> with the person's name.
    /// </summary>
    /// <param name="passkey">The passkey.</param>
    /// <param name="actor">Who registers it (the person's name), or <see langword="null"/> for a sign-in's bookkeeping.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when saved; false when the credential id belongs to another account.</returns>
    public async Task<bool> SavePasskeyAsync(StaffPasskey passkey, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        long? owner;
        await using (var find = connection.Sql("SELECT account_id FROM staff_passkeys WHERE credential_id = @id", transaction).With("@id", passkey.CredentialId))
        {
            var value = await find.ExecuteScalarAsync(cancellationToken);
            owner = value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (owner is { } o && o != passkey.AccountId)
        {
            return false;
        }

        var sql = owner is null
            ? $"INSERT INTO staff_passkeys ({PasskeyColumns}) VALUES (@id, @account, @name, @key, @created, @count, @transports, @uv, @be, @bs, @attestation, @client, @used)"
            : "UPDATE staff_passkeys SET name = @name, sign_count = @count, is_user_verified = @uv, is_backed_up = @bs, last_used_at = @used WHERE credential_id = @id";
        await using (var write = connection.Sql(sql, transaction)
            .With("@id", passkey.CredentialId).With("@account", passkey.AccountId).With("@name", passkey.Name).With("@key", passkey.PublicKey)
            .With("@created", passkey.CreatedAt).With("@count", passkey.SignCount).With("@transports", passkey.Transports)
            .With("@uv", passkey.IsUserVerified).With("@be", passkey.IsBackupEligible).With("@bs", passkey.IsBackedUp)
            .With("@attestation", passkey.AttestationObject).With("@client", passkey.ClientDataJson).With("@used", passkey.LastUsedAt))
        {
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        if (owner is null && actor is not null)
        {
            await AppendAuditAsync(connection, transaction, Now(), actor, AuditAction.Passkey, null, $"passkey added: {passkey.Name}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The passkeys of an account, oldest first.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The passkeys.</returns>
    public async Task<IReadOnlyList<StaffPasskey>> ListPasskeysAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {PasskeyColumns} FROM staff_passkeys WHERE account_id = @account ORDER BY created_at")
            .With("@account", accountId);
        var passkeys = new List<StaffPasskey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            passkeys.Add(ReadPasskey(reader));
        }

        return passkeys;
    }

    /// <summary>Finds a passkey by its credential id.</summary>
    /// <param name="credentialId">The credential id the authenticator returned.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The passkey, or <see langword="null"/>.</returns>
    public async Task<StaffPasskey?> FindPasskeyAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {PasskeyColumns} FROM staff_passkeys WHERE credential_id = @id").With("@id", credentialId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadPasskey(reader) : null;
    }

    /// <summary>Removes one of an account's passkeys and writes <see cref="AuditAction.Passkey"/>.</summary>
    /// <param name="accountId">The account it must belong to.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="actor">Who removes it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when a passkey was removed.</returns>
    public async Task<bool> RemovePasskeyAsync(long accountId, byte[] credentialId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        string? name;
        await using (var find = connection.Sql("SELECT name FROM staff_passkeys WHERE credential_id = @id AND account_id = @account", transaction)
            .With("@id", credentialId).With("@account", accountId))
        {
            name = await find.ExecuteScalarAsync(cancellationToken) as string;
        }

        if (name is null)
        {
            return false;
        }

        await using (var delete = connection.Sql("DELETE FROM staff_passkeys WHERE credential_id = @id", transaction).With("@id", credentialId))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await AppendAuditAsync(connection, transaction, Now(), actor, AuditAction.Passkey, null, $"passkey removed: {name}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static StaffPasskey ReadPasskey(DbDataReader reader) => new(
        reader.GetFieldValue<byte[]>(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.Timestamp(4),
        reader.GetInt64(5), reader.GetString(6), reader.GetBoolean(7), reader.GetBoolean(8), reader.GetBoolean(9),
        reader.GetFieldValue<byte[]>(10), reader.GetFieldValue<byte[]>(11), reader.NullableTimestamp(12));
}
