using System.Data.Common;
using System.Globalization;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string AccountColumns =
        "id, user_name, normalized_name, display_name, role, password_hash, security_stamp, failed_count, lockout_end, disabled, created_at";

    /// <summary>How many local staff accounts exist (disabled ones included).</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The count.</returns>
    public async Task<long> CountAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT COUNT(*) FROM staff_accounts");
        return await command.ScalarInt64Async(cancellationToken);
    }

    /// <summary>Creates a local staff account and writes <see cref="AuditAction.AccountCreate"/>.</summary>
    /// <param name="account">The account; <see cref="StaffAccount.Id"/> and <see cref="StaffAccount.CreatedAt"/> are ignored.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see cref="AccountSaveOutcome.Saved"/> with the stored account, or <see cref="AccountSaveOutcome.NameTaken"/>.</returns>
    public async Task<(AccountSaveOutcome Outcome, StaffAccount? Account)> CreateAccountAsync(StaffAccount account, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var created = await InsertAccountAsync(connection, transaction, account, actor, cancellationToken);
        if (created is null)
        {
            return (AccountSaveOutcome.NameTaken, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return (AccountSaveOutcome.Saved, created);
    }

    /// <summary>Finds an account by its normalized sign-in name.</summary>
    /// <param name="normalizedName">The upper-case name Identity's normalizer produces.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    public async Task<StaffAccount?> FindAccountByNameAsync(string normalizedName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {AccountColumns} FROM staff_accounts WHERE normalized_name = @n").With("@n", normalizedName);
        return await ReadOneAccountAsync(command, cancellationToken);
    }

    /// <summary>Finds an account by id.</summary>
    /// <param name="id">The row id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    public async Task<StaffAccount?> FindAccountAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {AccountColumns} FROM staff_accounts WHERE id = @id").With("@id", id);
        return await ReadOneAccountAsync(command, cancellationToken);
    }

    /// <summary>Lists every local account by name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The accounts.</returns>
    public async Task<IReadOnlyList<StaffAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {AccountColumns} FROM staff_accounts ORDER BY normalized_name");
        var accounts = new List<StaffAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(ReadAccount(reader));
        }

        return accounts;
    }

    /// <summary>
    /// Saves every field of an account (Identity's update: password hash, stamp, failed count, lockout, role, state).
    /// When <paramref name="audit"/> is given, the change is written to the audit log in the same transaction.
    /// </summary>
    /// <param name="account">The account with its new values.</param>
    /// <param name="audit">The actor and detail of an <see cref="AuditAction.AccountChange"/> entry, or <see langword="null"/>
    /// for bookkeeping (failed-attempt counts) that is audited as a sign-in instead.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see cref="AccountSaveOutcome.Saved"/>, <see cref="AccountSaveOutcome.NotFound"/> or <see cref="AccountSaveOutcome.NameTaken"/>.</returns>
    public async Task<AccountSaveOutcome> UpdateAccountAsync(StaffAccount account, (string Actor, string Detail)? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using (var clash = connection.Sql("SELECT COUNT(*) FROM staff_accounts WHERE normalized_name = @n AND id <> @id", transaction)
            .With("@n", account.NormalizedName).With("@id", account.Id))
        {
            if (await clash.ScalarInt64Async(cancellationToken) > 0)
            {
                return AccountSaveOutcome.NameTaken;
            }
        }

        await using var command = connection.Sql("""
            UPDATE staff_accounts SET user_name = @user, normalized_name = @n, display_name = @display, role = @role,
                password_hash = @hash, security_stamp = @stamp, failed_count = @failed, lockout_end = @lockout, disabled = @disabled,
                updated_at = @now
            WHERE id = @id
            """, transaction)
            .With("@user", account.UserName).With("@n", account.NormalizedName).With("@display", account.DisplayName)
            .With("@role", account.Role.ToString()).With("@hash", account.PasswordHash).With("@stamp", account.SecurityStamp)
            .With("@failed", account.FailedCount).With("@lockout", account.LockoutEnd).With("@disabled", account.Disabled)
            .With("@now", now).With("@id", account.Id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return AccountSaveOutcome.NotFound;
        }

        if (audit is { } entry)
        {
            await AppendAuditAsync(connection, transaction, now, entry.Actor, AuditAction.AccountChange, null,
                $"{account.UserName}: {entry.Detail}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return AccountSaveOutcome.Saved;
    }

    /// <summary>Writes one audit entry that belongs to no other write (a sign-in, a refused sign-in, a sign-out).</summary>
    /// <param name="actor">The person's name (or the name tried, for a refused sign-in).</param>
    /// <param name="action">What happened.</param>
    /// <param name="detail">Free text, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    public async Task RecordAuditAsync(string actor, AuditAction action, string? detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await AppendAuditAsync(connection, transaction, Now(), actor, action, null, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<StaffAccount?> InsertAccountAsync(DbConnection connection, DbTransaction transaction, StaffAccount account, string actor,
        CancellationToken cancellationToken)
    {
        await using (var clash = connection.Sql("SELECT COUNT(*) FROM staff_accounts WHERE normalized_name = @n", transaction)
            .With("@n", account.NormalizedName))
        {
            if (await clash.ScalarInt64Async(cancellationToken) > 0)
            {
                return null;
            }
        }

        var now = Now();
        long id;
        await using (var insert = connection.Sql("""
            INSERT INTO staff_accounts (user_name, normalized_name, display_name, role, password_hash, security_stamp, failed_count,
                lockout_end, disabled, created_at, updated_at)
            VALUES (@user, @n, @display, @role, @hash, @stamp, 0, NULL, @disabled, @now, @now) RETURNING id
            """, transaction)
            .With("@user", account.UserName).With("@n", account.NormalizedName).With("@display", account.DisplayName)
            .With("@role", account.Role.ToString()).With("@hash", account.PasswordHash).With("@stamp", account.SecurityStamp)
            .With("@disabled", account.Disabled).With("@now", now))
        {
            id = await insert.ScalarInt64Async(cancellationToken);
        }

        await AppendAuditAsync(connection, transaction, now, actor, AuditAction.AccountCreate, null,
            string.Create(CultureInfo.InvariantCulture, $"{account.UserName} ({account.DisplayName}) {account.Role}"), cancellationToken);
        return account with { Id = id, FailedCount = 0, LockoutEnd = null, CreatedAt = now };
    }

    private static async Task<StaffAccount?> ReadOneAccountAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    private static StaffAccount ReadAccount(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Enum.Parse<StaffRole>(reader.GetString(4)),
        reader.NullableString(5), reader.GetString(6), reader.GetInt32(7), reader.NullableTimestamp(8), reader.GetBoolean(9), reader.Timestamp(10));
}
