using System.Security.Cryptography;
using System.Text;
using MicroCredentials.Data.Storage;

namespace MicroCredentials.Data;

public sealed partial class CredentialStore
{
    private const string WalletActor = "wallet";

    /// <summary>Stores a new credential offer (codes as SHA-256 hashes) and audits it.</summary>
    /// <param name="offerId">The offer id.</param>
    /// <param name="credentialId">The credential it delivers (must exist).</param>
    /// <param name="preAuthorizedCode">The pre-authorized code.</param>
    /// <param name="txCode">The transaction code (PIN) shown to the graduate.</param>
    /// <param name="expiresAt">When the offer expires.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task CreateWalletOfferAsync(string offerId, string credentialId, string preAuthorizedCode, string txCode,
        DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        ArgumentException.ThrowIfNullOrWhiteSpace(preAuthorizedCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(txCode);
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await using (var insert = connection.Sql(
            """
            INSERT INTO wallet_offers (id, credential_id, code_hash, tx_code_hash, failed_attempts, created_at, expires_at)
            VALUES (@id, @cid, @code, @tx, 0, @now, @exp)
            """, transaction)
            .With("@id", offerId).With("@cid", credentialId).With("@code", WalletHash(preAuthorizedCode))
            .With("@tx", WalletHash(txCode)).With("@now", now).With("@exp", expiresAt))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await AppendAuditAsync(connection, transaction, now, WalletActor, AuditAction.Wallet, credentialId, $"offer {offerId} made", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The offer with this pre-authorized code, or null.</summary>
    public async Task<WalletOffer?> FindWalletOfferByCodeAsync(string preAuthorizedCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preAuthorizedCode);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT id, credential_id, expires_at, redeemed_at, failed_attempts FROM wallet_offers WHERE code_hash = @code")
            .With("@code", WalletHash(preAuthorizedCode));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new WalletOffer(reader.GetString(0), reader.GetString(1), reader.Timestamp(2), !reader.IsDBNull(3), reader.GetInt32(4))
            : null;
    }

    /// <summary>
    /// The credential's live offer — not redeemed, not locked by wrong PINs, not expired — or null. Only the offer that
    /// expires last is read: offers are reused while one is live, so there is at most one.
    /// </summary>
    /// <param name="credentialId">The credential.</param>
    /// <param name="maxAttempts">Wrong PINs after which an offer is locked.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<WalletOffer?> FindLiveWalletOfferAsync(string credentialId, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT id, credential_id, expires_at, failed_attempts FROM wallet_offers
            WHERE credential_id = @cid AND redeemed_at IS NULL AND failed_attempts < @max
            ORDER BY expires_at DESC LIMIT 1
            """)
            .With("@cid", credentialId).With("@max", maxAttempts);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var offer = new WalletOffer(reader.GetString(0), reader.GetString(1), reader.Timestamp(2), IsRedeemed: false,
            reader.GetInt32(3));
        return Now() < offer.ExpiresAt ? offer : null;
    }

    /// <summary>
    /// Exchanges a pre-authorized code and its PIN for an access token, once: a wrong PIN counts an attempt, and at
    /// <paramref name="maxAttempts"/> wrong PINs the offer is locked. Every outcome is audited.
    /// </summary>
    /// <param name="preAuthorizedCode">The code from the offer.</param>
    /// <param name="txCode">The PIN the wallet sent.</param>
    /// <param name="accessToken">The access token to activate.</param>
    /// <param name="accessTokenExpiresAt">When it expires.</param>
    /// <param name="maxAttempts">Wrong PINs allowed before the offer locks.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The outcome and, when redeemed, the credential id.</returns>
    public async Task<(WalletRedemption Outcome, string? CredentialId)> RedeemWalletOfferAsync(string preAuthorizedCode, string txCode,
        string accessToken, DateTimeOffset accessTokenExpiresAt, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preAuthorizedCode);
        ArgumentNullException.ThrowIfNull(txCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        string id, credentialId, txHash;
        int failed;
        DateTimeOffset expires;
        bool redeemed;
        await using (var select = connection.Sql(
            "SELECT id, credential_id, tx_code_hash, failed_attempts, expires_at, redeemed_at FROM wallet_offers WHERE code_hash = @code", transaction)
            .With("@code", WalletHash(preAuthorizedCode)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return (WalletRedemption.UnknownCode, null);
            }

            (id, credentialId, txHash, failed, expires, redeemed) =
                (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.Timestamp(4), !reader.IsDBNull(5));
        }

        var outcome = redeemed ? WalletRedemption.AlreadyUsed
            : failed >= maxAttempts ? WalletRedemption.Locked
            : now >= expires ? WalletRedemption.Expired
            : !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(txHash), Encoding.ASCII.GetBytes(WalletHash(txCode)))
                ? (failed + 1 >= maxAttempts ? WalletRedemption.Locked : WalletRedemption.WrongTxCode)
                : WalletRedemption.Redeemed;
        if (outcome is WalletRedemption.WrongTxCode || (outcome is WalletRedemption.Locked && failed < maxAttempts))
        {
            await using var count = connection.Sql("UPDATE wallet_offers SET failed_attempts = failed_attempts + 1 WHERE id = @id", transaction).With("@id", id);
            await count.ExecuteNonQueryAsync(cancellationToken);
        }
        else if (outcome is WalletRedemption.Redeemed)
        {
            // Single use even under a race: only the first update finds redeemed_at empty.
            await using var redeem = connection.Sql(
                """
                UPDATE wallet_offers SET redeemed_at = @now, access_token_hash = @token, access_token_expires_at = @exp
                WHERE id = @id AND redeemed_at IS NULL
                """, transaction)
                .With("@now", now).With("@token", WalletHash(accessToken)).With("@exp", accessTokenExpiresAt).With("@id", id);
            if (await redeem.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                outcome = WalletRedemption.AlreadyUsed;
            }
        }

        await AppendAuditAsync(connection, transaction, now, WalletActor, AuditAction.Wallet, credentialId,
            $"offer {id} token request: {outcome}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (outcome, outcome is WalletRedemption.Redeemed ? credentialId : null);
    }

    /// <summary>The credential an access token may fetch, or null when the token is unknown or expired.</summary>
    public async Task<string?> FindCredentialByAccessTokenAsync(string accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT credential_id, access_token_expires_at FROM wallet_offers WHERE access_token_hash = @t")
            .With("@t", WalletHash(accessToken));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && Now() < reader.Timestamp(1) ? reader.GetString(0) : null;
    }

    /// <summary>Stores a nonce of the nonce endpoint.</summary>
    public async Task CreateWalletNonceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.Sql("INSERT INTO wallet_nonces (nonce_hash, created_at, expires_at) VALUES (@n, @now, @exp)")
            .With("@n", WalletHash(nonce)).With("@now", Now()).With("@exp", expiresAt);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Uses a nonce up: true once for a nonce we issued that has not expired, false ever after (and for any other).</summary>
    public async Task<bool> ConsumeWalletNonceAsync(string nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        DateTimeOffset? expires = null;
        await using (var select = connection.Sql("SELECT expires_at FROM wallet_nonces WHERE nonce_hash = @n AND used_at IS NULL", transaction)
            .With("@n", WalletHash(nonce)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                expires = reader.Timestamp(0);
            }
        }

        if (expires is null || now >= expires)
        {
            return false;
        }

        await using var use = connection.Sql("UPDATE wallet_nonces SET used_at = @now WHERE nonce_hash = @n AND used_at IS NULL", transaction)
            .With("@now", now).With("@n", WalletHash(nonce));
        var used = await use.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return used;
    }

    /// <summary>Audits a wallet step that is not a store write of its own (a credential delivered, a proof refused).</summary>
    public async Task AuditWalletAsync(string? credentialId, string detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await AppendAuditAsync(connection, transaction, Now(), WalletActor, AuditAction.Wallet, credentialId, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string WalletHash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
