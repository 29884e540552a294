namespace MicroCredentials.Data.Storage;

/// <summary>
/// Schema step 12: the catalogue in the database. Every save of the issuer block or of a micro-credential is a new
/// numbered revision (never updated, never deleted); the newest revision of each is the catalogue in force. The
/// versions that credentials were issued with stay in <c>catalogue_versions</c> (step 1), which refuses other content
/// under an issued version label. <c>seq</c> counts the rows as they were written, so the catalogue keeps the order in
/// which its micro-credentials were first added (the order of the imported file).
/// </summary>
internal static class CatalogueMigration
{
    /// <summary>The SQL of the step.</summary>
    public static string Sql(string timestamp) => $"""
        CREATE TABLE catalogue_issuer (
            revision INTEGER PRIMARY KEY,
            json TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            created_by TEXT NOT NULL);

        CREATE TABLE catalogue_entries (
            code TEXT NOT NULL,
            revision INTEGER NOT NULL,
            version TEXT NOT NULL,
            json TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            created_by TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (code, revision));
        """;
}
