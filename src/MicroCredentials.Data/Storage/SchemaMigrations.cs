namespace MicroCredentials.Data.Storage;

/// <summary>
/// The schema, as numbered steps per dialect. Append new steps; never edit a released one. Timestamps are
/// <c>TIMESTAMPTZ</c> on PostgreSQL and ISO 8601 UTC text on SQLite.
/// </summary>
internal static class SchemaMigrations
{
    public const string CreateVersionTableSqlite =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public const string CreateVersionTablePostgres =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)";

    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "Initial schema", Initial("INTEGER PRIMARY KEY", "TEXT", "BLOB", "INTEGER"),
            Initial("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "TIMESTAMPTZ", "BYTEA", "BOOLEAN")),
        new(2, "Issuer identity", IssuerIdentityMigration.Sql("TEXT"), IssuerIdentityMigration.Sql("TIMESTAMPTZ")),
        new(5, "Batch jobs", Jobs.JobsSchema.Sqlite, Jobs.JobsSchema.Postgres),
        new(6, "Stored certificate PDFs", CertificatePdfMigration.Sql("TEXT", "BLOB"), CertificatePdfMigration.Sql("TIMESTAMPTZ", "BYTEA")),
        new(8, "Staff accounts", StaffAccountsMigration.Sql("INTEGER PRIMARY KEY", "TEXT", "BLOB", "INTEGER"),
            StaffAccountsMigration.Sql("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "TIMESTAMPTZ", "BYTEA", "BOOLEAN")),
        new(9, "Staff job contacts", JobContactsMigration.Sql("TEXT"), JobContactsMigration.Sql("TIMESTAMPTZ")),
        new(10, "Staff column mappings", ColumnMappingsMigration.Sql("TEXT"), ColumnMappingsMigration.Sql("TIMESTAMPTZ")),
        new(11, "Wallet offers and nonces (OpenID4VCI)", WalletMigration.Sql("TEXT"), WalletMigration.Sql("TIMESTAMPTZ")),
        new(12, "Catalogue in the database", CatalogueMigration.Sql("TEXT"), CatalogueMigration.Sql("TIMESTAMPTZ")),
        new(13, "E-mail to the graduates", MailMigration.Sql("INTEGER PRIMARY KEY", "TEXT"),
            MailMigration.Sql("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "TIMESTAMPTZ")),
        new(14, "Learner names searchable on credentials", LearnerNameMigration.Sql, LearnerNameMigration.Sql, LearnerNameMigration.BackfillAsync),
        new(15, "Staff passkeys", StaffPasskeysMigration.Sql("TEXT", "BLOB", "INTEGER"), StaffPasskeysMigration.Sql("TIMESTAMPTZ", "BYTEA", "BOOLEAN")),
    ];

    // Partial index predicates are written exactly as the queries write them, so both planners use the indexes.
    private static string Initial(string identity, string timestamp, string bytes, string boolean) => $"""
        CREATE TABLE learners (
            id {identity},
            email_hash TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL);

        CREATE TABLE catalogue_versions (
            code TEXT NOT NULL,
            version TEXT NOT NULL,
            json TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            PRIMARY KEY (code, version));

        CREATE TABLE status_lists (
            id {identity},
            purpose TEXT NOT NULL,
            size INTEGER NOT NULL,
            is_full {boolean} NOT NULL,
            version BIGINT NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL);
        -- At most one list per purpose takes new indexes; racing creators fall back to the winner's list.
        CREATE UNIQUE INDEX ux_status_lists_open ON status_lists (purpose) WHERE is_full = false;

        CREATE TABLE credentials (
            id TEXT PRIMARY KEY,
            handle TEXT NOT NULL UNIQUE,
            short_code TEXT NOT NULL UNIQUE,
            idempotency_key TEXT UNIQUE,
            learner_id BIGINT REFERENCES learners (id),
            achievement_id TEXT NOT NULL,
            catalogue_version TEXT,
            credential_json TEXT NOT NULL,
            jwt TEXT,
            issued_at {timestamp} NOT NULL,
            awarded_at {timestamp},
            revocation_list_id BIGINT NOT NULL REFERENCES status_lists (id),
            revocation_index INTEGER NOT NULL,
            suspension_list_id BIGINT NOT NULL REFERENCES status_lists (id),
            suspension_index INTEGER NOT NULL,
            revoked_at {timestamp},
            revocation_reason TEXT,
            suspended {boolean} NOT NULL,
            supersedes TEXT REFERENCES credentials (id),
            superseded_by TEXT REFERENCES credentials (id),
            download_token_hash {bytes} UNIQUE);
        CREATE INDEX ix_credentials_learner ON credentials (learner_id);
        CREATE INDEX ix_credentials_issued ON credentials (issued_at, id);

        -- One row per allocated index: never deleted, so an index is never handed out twice.
        CREATE TABLE status_entries (
            list_id BIGINT NOT NULL REFERENCES status_lists (id),
            status_index INTEGER NOT NULL,
            credential_id TEXT REFERENCES credentials (id),
            bit {boolean} NOT NULL,
            allocated_at {timestamp} NOT NULL,
            PRIMARY KEY (list_id, status_index));
        CREATE INDEX ix_status_entries_set ON status_entries (list_id, status_index) WHERE bit = true;

        CREATE TABLE api_keys (
            id {identity},
            name TEXT NOT NULL,
            key_hash {bytes} NOT NULL,
            role TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            revoked_at {timestamp});

        CREATE TABLE audit_log (
            id {identity},
            at {timestamp} NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            credential_id TEXT,
            detail TEXT);
        CREATE INDEX ix_audit_log_credential ON audit_log (credential_id, id);
        """;
}
