namespace MicroCredentials.Data.Storage;

/// <summary>
/// Migration 2: the issuer identity stored with the data (DESIGN §4 "Issuer identity is stable"). One row per identity
/// the deployment has used: the did:web issuer id, the public base address it was derived from, our context URL under
/// it, and the public keys it signed with. <c>is_current</c> is 1 for the one in use and NULL for earlier ones (kept
/// after a domain move so old credentials stay trusted and published); UNIQUE lets only one row be current.
/// </summary>
internal static class IssuerIdentityMigration
{
    public static string Sql(string timestamp) => $"""
        CREATE TABLE issuer_identities (
            issuer_id TEXT PRIMARY KEY,
            public_base_url TEXT NOT NULL,
            context_url TEXT NOT NULL,
            ed25519_key TEXT NOT NULL,
            es256_key TEXT NOT NULL,
            rs256_key TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            retired_at {timestamp},
            is_current INTEGER UNIQUE);
        """;
}
