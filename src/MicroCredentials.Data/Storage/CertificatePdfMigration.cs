namespace MicroCredentials.Data.Storage;

/// <summary>
/// Migration 6: the certificate PDF of a credential, rendered and sealed once per language and then served as stored,
/// so every download returns the same bytes and the seal time is the time of the first rendering (issue 13).
/// </summary>
internal static class CertificatePdfMigration
{
    public static string Sql(string timestamp, string bytes) => $"""
        CREATE TABLE certificate_pdfs (
            credential_id TEXT NOT NULL REFERENCES credentials (id),
            language TEXT NOT NULL,
            pdf {bytes} NOT NULL,
            sha256 TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            PRIMARY KEY (credential_id, language));
        """;
}
