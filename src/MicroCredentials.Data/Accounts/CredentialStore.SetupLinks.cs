using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    /// <summary>
    /// Creates a one-time setup token (256 random bits) valid for <paramref name="validFor"/>; only its SHA-256 is stored.
    /// </summary>
    /// <param name="validFor">How long it may be used.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The token text, shown once (in the host's log, as part of the setup link).</returns>
    public async Task<string> CreateSetupTokenAsync(TimeSpan validFor, CancellationToken cancellationToken)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using var insert = connection.Sql(
            "INSERT INTO staff_setup_tokens (token_hash, created_at, expires_at, used_at) VALUES (@hash, @now, @expires, NULL)", transaction)
            .With("@hash", HashSetupToken(token)).With("@now", now).With("@expires", now + validFor);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>Whether a setup token can still be used (known, unused, not expired, and no account exists yet).</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns><see cref="AccountSaveOutcome.Saved"/> when usable, else why not.</returns>
    public async Task<AccountSaveOutcome> CheckSetupTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return await CheckSetupTokenAsync(connection, transaction, token, cancellationToken);
    }

    /// <summary>
    /// Uses a setup token to create the first administrator, in one transaction: the token must be known, unused and
    /// unexpired, and no account may exist; the token is then spent whatever happens next.
    /// </summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="account">The administrator to create.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The outcome and the created account.</returns>
    public async Task<(AccountSaveOutcome Outcome, StaffAccount? Account)> CreateFirstAdministratorAsync(string token, StaffAccount account,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var check = await CheckSetupTokenAsync(connection, transaction, token, cancellationToken);
        if (check != AccountSaveOutcome.Saved)
        {
            return (check, null);
        }

        // Spent first, conditionally: of two racing requests with the same token only one updates the row.
        await using (var spend = connection.Sql("UPDATE staff_setup_tokens SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL", transaction)
            .With("@now", Now()).With("@hash", HashSetupToken(token)))
        {
            if (await spend.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return (AccountSaveOutcome.SetupLinkInvalid, null);
            }
        }

        var created = await InsertAccountAsync(connection, transaction, account with { Role = StaffRole.Administrator }, "setup link", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (AccountSaveOutcome.Saved, created);
    }

    private async Task<AccountSaveOutcome> CheckSetupTokenAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string token, CancellationToken cancellationToken)
    {
        if (token.Length != 43)
        {
            return AccountSaveOutcome.SetupLinkInvalid;
        }

        await using (var count = connection.Sql("SELECT COUNT(*) FROM staff_accounts", transaction))
        {
            if (await count.ScalarInt64Async(cancellationToken) > 0)
            {
                return AccountSaveOutcome.AccountsExist;
            }
        }

        await using var command = connection.Sql("SELECT expires_at, used_at FROM staff_setup_tokens WHERE token_hash = @hash", transaction)
            .With("@hash", HashSetupToken(token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !reader.IsDBNull(1) || reader.Timestamp(0) <= Now())
        {
            return AccountSaveOutcome.SetupLinkInvalid;
        }

        return AccountSaveOutcome.Saved;
    }

    private static byte[] HashSetupToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
