namespace MicroCredentials.Data.Storage;

/// <summary>
/// Migration 8: the staff app's local accounts (ASP.NET Core Identity's user data: a password hash from its hasher, the
/// security stamp, failed attempts and lockout) and the one-time setup links that create the first administrator, whose
/// tokens are stored only as SHA-256 (issue 15).
/// </summary>
internal static class StaffAccountsMigration
{
    public static string Sql(string identity, string timestamp, string bytes, string boolean) => $"""
        CREATE TABLE staff_accounts (
            id {identity},
            user_name TEXT NOT NULL,
            normalized_name TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT,
            security_stamp TEXT NOT NULL,
            failed_count INTEGER NOT NULL,
            lockout_end {timestamp},
            disabled {boolean} NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL);

        CREATE TABLE staff_setup_tokens (
            token_hash {bytes} PRIMARY KEY,
            created_at {timestamp} NOT NULL,
            expires_at {timestamp} NOT NULL,
            used_at {timestamp});

        CREATE INDEX ix_audit_log_at ON audit_log (at, id);
        """;
}
