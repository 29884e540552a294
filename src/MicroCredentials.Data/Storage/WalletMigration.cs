namespace MicroCredentials.Data.Storage;

/// <summary>
/// Migration 11: OpenID4VCI credential offers (pre-authorized code and transaction code, stored as SHA-256 hashes,
/// single use, with an attempt counter) and the nonces of the nonce endpoint (single use). Expiry is compared in
/// code against the injected clock, so no SQL compares timestamps across the two dialects.
/// </summary>
internal static class WalletMigration
{
    public static string Sql(string timestamp) => $"""
        CREATE TABLE wallet_offers (
            id TEXT PRIMARY KEY,
            credential_id TEXT NOT NULL REFERENCES credentials (id),
            code_hash TEXT NOT NULL UNIQUE,
            tx_code_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL,
            created_at {timestamp} NOT NULL,
            expires_at {timestamp} NOT NULL,
            redeemed_at {timestamp},
            access_token_hash TEXT UNIQUE,
            access_token_expires_at {timestamp});
        CREATE INDEX ix_wallet_offers_credential ON wallet_offers (credential_id);

        CREATE TABLE wallet_nonces (
            nonce_hash TEXT PRIMARY KEY,
            created_at {timestamp} NOT NULL,
            expires_at {timestamp} NOT NULL,
            used_at {timestamp});
        """;
}
