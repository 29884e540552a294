namespace MicroCredentials.Data.Storage;

/// <summary>
/// Schema step 9: the e-mail address of each row of a batch job issued from the staff app, kept beside the job (the
/// job's own payload is cleared when a row is done) for the links CSV and the mailing, and deleted when staff forget them.
/// </summary>
internal static class JobContactsMigration
{
    /// <summary>The SQL of the step.</summary>
    public static string Sql(string timestamp) => $"""
        CREATE TABLE job_contacts (
            job_id TEXT NOT NULL REFERENCES jobs (id),
            line INTEGER NOT NULL,
            email TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            PRIMARY KEY (job_id, line));
        """;
}
