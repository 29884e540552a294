namespace MicroCredentials.Data.Storage;

/// <summary>Schema step 15: the passkeys (WebAuthn credentials, public data only) of local staff accounts.</summary>
internal static class StaffPasskeysMigration
{
    /// <summary>The SQL of the step.</summary>
    public static string Sql(string timestamp, string bytes, string boolean) => $"""
        CREATE TABLE staff_passkeys (
            credential_id {bytes} PRIMARY KEY,
            account_id BIGINT NOT NULL REFERENCES staff_accounts (id),
            name TEXT NOT NULL,
            public_key {bytes} NOT NULL,
            created_at {timestamp} NOT NULL,
            sign_count BIGINT NOT NULL,
            transports TEXT NOT NULL,
            is_user_verified {boolean} NOT NULL,
            is_backup_eligible {boolean} NOT NULL,
            is_backed_up {boolean} NOT NULL,
            attestation_object {bytes} NOT NULL,
            client_data_json {bytes} NOT NULL,
            last_used_at {timestamp});
        CREATE INDEX ix_staff_passkeys_account ON staff_passkeys (account_id);
        """;
}
